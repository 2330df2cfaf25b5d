import * as assert from "node:assert/strict";
import * as vscode from "vscode";

const EXTENSION_ID = "pulsekit.pulsekit-vscode";

describe("activation", () => {
  it("activates on its own command and registers every Pulsoid command", async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    await extension.activate();
    const commands = await vscode.commands.getCommands(true);
    for (const id of [
      "signIn",
      "signOut",
      "setToken",
      "createWidget",
      "listWidgets",
      "updateWidget",
      "copyWidgetUrl",
    ]) {
      assert.ok(commands.includes(`pulsekit.${id}`), `pulsekit.${id} is not registered`);
    }
  });
});

import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import type { PulseKitApi } from "../../../src/extension";
import { apiRequests, choose, start, startEachTestFresh, type TestUi, typeAndEnter } from "./helpers";

describe("settings", () => {
  let ui: TestUi;
  let api: PulseKitApi;
  const config = () => vscode.workspace.getConfiguration("pulsekit");

  startEachTestFresh({ signedIn: true }, (started) => ({ ui, api } = started));
  afterEach(() => config().update("presets", undefined, vscode.ConfigurationTarget.Global));

  it("offers the user's presets from pulsekit.presets and skips a broken one with a warning", async () => {
    const calm = { heartEnabled: true, heartColor: "#3FA9F5FF", ranges: [{ from: 150, to: 300, color: "#FF1D25FF" }] };
    await config().update(
      "presets",
      [
        { id: "calm-blue", label: "Calm blue heart", description: "blue until 150 bpm", configuration: calm },
        { id: "Not Valid", label: "Broken", configuration: {} },
      ],
      vscode.ConfigurationTarget.Global,
    );
    const running = start("pulsekit.createWidget");
    const presets = await ui.nextInput();
    assert.ok(!presets.items.some((i) => i.label === "Broken"));
    await choose(presets, "Calm blue heart");
    await typeAndEnter(await ui.nextInput<vscode.InputBox>(), "From my preset");
    await choose(await ui.nextInput(), "Create widget");
    await running;
    const warning = ui.messages.find((m) => m.severity === "warning" && /presets/.test(m.message));
    assert.match(warning?.message ?? "", /presets\[1\]\.id/);
    assert.deepEqual(warning?.actions, ["Open Settings"]);
    const creates = await apiRequests("POST", "/api/v1/widgets");
    assert.equal(creates.length, 1);
    assert.deepEqual((creates[0]?.body as { configuration?: unknown } | undefined)?.configuration, calm);
  });

  it("an unreachable API address offers Retry and Open Settings, and keeps the session", async () => {
    const original = config().get<string>("apiBaseUrl");
    await config().update("apiBaseUrl", "http://127.0.0.1:9", vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand("pulsekit.listWidgets");
      const error = await ui.waitForMessage((m) => m.severity === "error", 60_000);
      assert.deepEqual(error.actions, ["Retry", "Open Settings"]);
      assert.ok(await api.session(), "a network failure never signs out");
    } finally {
      await config().update("apiBaseUrl", original, vscode.ConfigurationTarget.Global);
    }
  });
});

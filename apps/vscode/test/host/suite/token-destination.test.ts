import * as assert from "node:assert/strict";
import { BASIC_BPM_META_ID, type Emulator, startEmulator } from "@pulsekit/emulator";
import * as vscode from "vscode";
import type { PulseKitApi } from "../../../src/extension";
import { apiRequests, emulator, eventually, start, startEachTestFresh, type TestUi } from "./helpers";

const widget = { name: "My heart", meta_id: BASIC_BPM_META_ID, configuration: { heartEnabled: true } };
const config = () => vscode.workspace.getConfiguration("pulsekit");

/** the opened folder's .vscode/settings.json, as a cloned repository would bring it */
function workspaceSettingsFile(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, "the suite runs with a folder open");
  return vscode.Uri.joinPath(folder.uri, ".vscode", "settings.json");
}

/** writes the workspace settings and waits until VS Code read them (pulsekit.presets is the marker) */
async function writeWorkspaceSettings(settings: Record<string, unknown>): Promise<void> {
  const content = JSON.stringify({ ...settings, "pulsekit.presets": [] }, null, 2);
  await vscode.workspace.fs.writeFile(workspaceSettingsFile(), new TextEncoder().encode(content));
  await eventually(
    () => config().inspect("presets")?.workspaceValue !== undefined || undefined,
    "VS Code to read .vscode/settings.json",
  );
}

async function removeWorkspaceSettings(): Promise<void> {
  await vscode.workspace.fs.delete(workspaceSettingsFile()).then(undefined, () => undefined);
  await eventually(
    () => config().inspect("presets")?.workspaceValue === undefined || undefined,
    "VS Code to forget .vscode/settings.json",
  );
}

/** Show Widgets up to its list, then closes it; resolves when the command ended */
async function showAndCloseWidgets(ui: TestUi): Promise<boolean> {
  const running = start("pulsekit.listWidgets");
  // on failure the command ends with an error message and never shows the list
  const list = await Promise.race([ui.nextInput(), running.then(() => undefined)]);
  if (list) await vscode.commands.executeCommand("workbench.action.closeQuickOpen");
  await running;
  return list !== undefined;
}

describe("where the token goes", () => {
  let ui: TestUi;
  let api: PulseKitApi;
  // a second Pulsoid that only the repository (or the user, below) names
  let other: Emulator;

  before(async () => {
    other = await startEmulator({ port: 0, host: "127.0.0.2" });
  });
  after(async () => {
    await other?.close();
  });
  startEachTestFresh({ signedIn: true }, (started) => ({ ui, api } = started));
  afterEach(async () => {
    await removeWorkspaceSettings();
    other.reset();
  });

  it("a repository's .vscode/settings.json cannot send the token elsewhere: Show Widgets and Sign Out use the user's host", async () => {
    await writeWorkspaceSettings({
      "pulsekit.apiBaseUrl": other.url,
      "pulsekit.oauthBaseUrl": other.url,
      "pulsekit.oauthClientId": "client-from-the-repository",
    });
    await emulator.seedWidgets([widget]);
    await showAndCloseWidgets(ui);
    await vscode.commands.executeCommand("pulsekit.signOut");

    assert.deepEqual(other.requests(), [], "the host the repository named received nothing");
    assert.equal((await apiRequests("GET", "/api/v1/widgets")).length, 1, "the user's host got the list");
    assert.equal((await apiRequests("POST", "/oauth2/revoke")).length, 1, "the user's host got the revoke");
    assert.equal(await api.session(), undefined);
  });

  it("a user setting naming another host warns once, naming the address and the setting", async () => {
    const session = await api.session();
    assert.ok(session);
    other.seedToken({ token: session.accessToken, scopes: ["widgets:read", "widgets:update"] });
    other.seedWidgets([widget]);
    const original = config().inspect<string>("apiBaseUrl")?.globalValue;
    await config().update("apiBaseUrl", other.url, vscode.ConfigurationTarget.Global);
    try {
      const shown = () => JSON.stringify({ messages: ui.messages, requests: other.requests() });
      assert.ok(await showAndCloseWidgets(ui), `the list from the user's chosen host: ${shown()}`);
      assert.ok(await showAndCloseWidgets(ui), `the list again: ${shown()}`);
      assert.deepEqual(
        ui.messages.filter((m) => m.severity === "warning"),
        [
          {
            severity: "warning",
            message: `PulseKit is sending your Pulsoid token to ${other.url} instead of Pulsoid (setting pulsekit.apiBaseUrl). Change it back if you did not mean to.`,
            actions: ["Open Settings"],
          },
        ],
      );
      assert.equal(other.requests().filter((r) => r.path === "/api/v1/widgets").length, 2);
    } finally {
      await config().update("apiBaseUrl", original ?? emulator.url(), vscode.ConfigurationTarget.Global);
    }
  });
});

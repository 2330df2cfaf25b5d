import * as assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { type FakeObs, type FakeObsOptions, startFakeObs } from "@pulsekit/obs/fake";
import * as vscode from "vscode";
import type { PulseKitApi } from "../../../src/extension";
import type { WidgetNode } from "../../../src/view/widget-node";
import {
  choose,
  EXTENSION_ID,
  emulator,
  eventually,
  start,
  startEachTestFresh,
  type TestUi,
  typeAndEnter,
} from "./helpers";

const BPM = "bf6bdf21-10a7-4a28-97ec-a239e6c77f8b";
const SCENES = ["Gameplay", "BRB"];
// never to be seen outside SecretStorage and OBS's handshake
const CANARY = "obs-canary-5c1d9e7f-password";
const SECOND_CANARY = "obs-canary-0a4b2c8e-second";
const TIMING_RUNS = 10;

const config = () => vscode.workspace.getConfiguration("pulsekit");
const viewUrl = (id: string) => `https://pulsoid.net/widget/view/${id}`;
const rowOf = (widget: { id: string; name: string }): WidgetNode =>
  ({ kind: "widget", widget: { ...widget, meta_id: BPM, configuration: {} } }) as unknown as WidgetNode;

async function seedWidget(name: string): Promise<{ id: string; name: string }> {
  const [widget] = await emulator.seedWidgets([{ name, meta_id: BPM, configuration: { heartEnabled: true } }]);
  assert.ok(widget);
  return widget;
}

/** every file under a folder */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe("Add Widget to OBS", () => {
  let ui: TestUi;
  let api: PulseKitApi;
  let obs: FakeObs;
  startEachTestFresh({ signedIn: true }, (started) => ({ ui, api } = started));

  /** a fake OBS that pulsekit.obs.url points at */
  async function useObs(options: FakeObsOptions = {}): Promise<FakeObs> {
    obs = await startFakeObs({ scenes: SCENES, ...options });
    await config().update("obs.url", obs.url, vscode.ConfigurationTarget.Global);
    return obs;
  }

  beforeEach(async () => {
    await vscode.commands.executeCommand("pulsekit.forgetObsPassword");
    await useObs();
    ui.messages.length = 0;
  });
  afterEach(async () => {
    await obs.close();
    await config().update("obs.url", undefined, vscode.ConfigurationTarget.Global);
  });

  const requestTypes = () => obs.requests().map((request) => request.requestType);
  const success = (text: string) => ui.waitForMessage((m) => m.severity === "info" && m.message.startsWith(text));
  const failure = () => ui.waitForMessage((m) => m.severity === "error");

  it("puts a view row's widget into the program scene as a browser source, then updates it instead of adding another", async () => {
    const widget = await seedWidget("Stream heart");
    obs.setCurrentScene("BRB");
    await vscode.commands.executeCommand("pulsekit.addToObs", rowOf(widget));

    assert.deepEqual(requestTypes(), ["GetCurrentProgramScene", "GetInputSettings", "CreateInput"]);
    const create = obs.requests().find((request) => request.requestType === "CreateInput");
    assert.deepEqual(
      { ...create?.requestData, inputSettings: { ...(create?.requestData?.inputSettings as object), css: "…" } },
      {
        sceneName: "BRB",
        inputName: "Stream heart",
        inputKind: "browser_source",
        inputSettings: { url: viewUrl(widget.id), width: 400, height: 200, css: "…" },
        sceneItemEnabled: true,
      },
    );
    assert.deepEqual(obs.scenes(), [
      { sceneName: "Gameplay", sources: [] },
      { sceneName: "BRB", sources: ["Stream heart"] },
    ]);
    await success('Added "Stream heart" to the OBS scene "BRB".');
    assert.ok(ui.progresses.some((p) => p.title === 'Pulsoid: adding "Stream heart" to OBS…' && p.done));

    ui.messages.length = 0;
    const before = obs.requests().length;
    await vscode.commands.executeCommand("pulsekit.addToObs", rowOf(widget));
    const again = requestTypes().slice(before);
    assert.ok(again.includes("SetInputSettings"), JSON.stringify(again));
    assert.ok(!again.includes("CreateInput"), "no second source");
    assert.equal(obs.inputs().length, 1);
    await success('Updated the OBS source "Stream heart" in the scene "BRB"');
  });

  it("from the palette asks which widget, then places it", async () => {
    await seedWidget("First");
    const second = await seedWidget("Second");
    const running = start("pulsekit.addToObs");
    const pick = await ui.nextInput<vscode.QuickPick<vscode.QuickPickItem>>();
    assert.equal(pick.title, "Pulsoid: Add Widget to OBS");
    await choose(pick, "Second");
    await running;
    const create = obs.requests().find((request) => request.requestType === "CreateInput");
    assert.equal((create?.requestData?.inputSettings as { url?: string } | undefined)?.url, viewUrl(second.id));
    await success('Added "Second" to the OBS scene "Gameplay".');
  });

  it("Add Widget to OBS Scene… lists OBS's scenes with the one on air highlighted, and uses the one picked", async () => {
    const widget = await seedWidget("Scene pick");
    const running = start("pulsekit.addToObsScene", rowOf(widget));
    const scenes = await ui.nextInput<vscode.QuickPick<vscode.QuickPickItem>>();
    assert.deepEqual(
      scenes.items.map((item) => [item.label, item.description]),
      [
        ["Gameplay", "on air now (program scene)"],
        ["BRB", undefined],
      ],
    );
    assert.equal(scenes.activeItems[0]?.label, "Gameplay");
    await choose(scenes, "BRB");
    await running;
    const create = obs.requests().find((request) => request.requestType === "CreateInput");
    assert.equal(create?.requestData?.sceneName, "BRB");
    await success('Added "Scene pick" to the OBS scene "BRB".');
  });

  it("the created-widget notification's Add to OBS places the new widget", async () => {
    ui.answer = (m) => (m.actions.includes("Add to OBS") ? "Add to OBS" : undefined);
    const running = start("pulsekit.createWidget");
    await choose(await ui.nextInput(), "Classic");
    await typeAndEnter(await ui.nextInput<vscode.InputBox>(), "Fresh heart");
    await choose(await ui.nextInput(), "Create widget");
    await running;
    const created = await ui.waitForMessage((m) => m.message.startsWith('Created the Pulsoid widget "Fresh heart"'));
    assert.deepEqual(created.actions, ["Add to OBS", "Copy OBS URL", "Open"]);
    await success('Added "Fresh heart" to the OBS scene "Gameplay".');
    const [widget] = await emulator.widgets();
    assert.ok(widget);
    const create = obs.requests().find((request) => request.requestType === "CreateInput");
    assert.equal((create?.requestData?.inputSettings as { url?: string } | undefined)?.url, viewUrl(widget.id));
    assert.equal(create?.requestData?.inputName, "Fresh heart");
  });

  it("asks for the password once when OBS wants one, keeps it in SecretStorage only, and asks again after a wrong one", async () => {
    await obs.close();
    await useObs({ password: CANARY });
    const widget = await seedWidget("Locked heart");

    const first = start("pulsekit.addToObs", rowOf(widget));
    const box = await ui.nextInput<vscode.InputBox>();
    assert.equal(box.password, true, "the password box hides what is typed");
    assert.match(box.prompt ?? "", /asks for a password/);
    await typeAndEnter(box, CANARY);
    await first;
    await success('Added "Locked heart" to the OBS scene "Gameplay".');
    assert.equal(obs.identifies().at(-1)?.accepted, true);
    assert.equal(api.contextKeys()["pulsekit.obsPasswordStored"], true);

    // kept: the next add asks nothing (a password box would keep the command from finishing)
    ui.messages.length = 0;
    await vscode.commands.executeCommand("pulsekit.addToObs", rowOf(widget));
    await success('Updated the OBS source "Locked heart"');
    assert.equal(obs.identifies().at(-1)?.accepted, true);

    // OBS's password changed: the kept one is refused, Enter Password asks for the new one and tries again
    await obs.close();
    await useObs({ password: SECOND_CANARY });
    ui.messages.length = 0;
    ui.answer = (m) => (m.actions.includes("Enter Password") ? "Enter Password" : undefined);
    const third = start("pulsekit.addToObs", rowOf(widget));
    const refused = await failure();
    assert.match(refused.message, /refused the password/);
    assert.match(refused.message, /the password box that Enter Password opens/);
    assert.deepEqual(refused.actions, ["Enter Password"]);
    const again = await ui.nextInput<vscode.InputBox>();
    assert.match(again.prompt ?? "", /refused the password PulseKit has/);
    await typeAndEnter(again, SECOND_CANARY);
    await third;
    await success('Added "Locked heart" to the OBS scene "Gameplay".');
    ui.answer = () => undefined;

    // the new one was kept in place of the old
    ui.messages.length = 0;
    await vscode.commands.executeCommand("pulsekit.addToObs", rowOf(widget));
    await success('Updated the OBS source "Locked heart"');

    await vscode.commands.executeCommand("pulsekit.forgetObsPassword");
    await success("PulseKit forgot the OBS password.");
    assert.equal(api.contextKeys()["pulsekit.obsPasswordStored"], false);

    // the passwords appear in no message, no log line and no settings file
    const { logUri, globalStorageUri } = api.hostFolders();
    const logs = await eventually(() => {
      const found = filesUnder(dirname(logUri.fsPath)).filter((file) => file.endsWith("Pulsoid.log"));
      return found.some((file) => readFileSync(file, "utf8").includes('"Locked heart" in the scene'))
        ? found
        : undefined;
    }, "the Pulsoid log file to have the OBS lines");
    const userData = join(globalStorageUri.fsPath, "..", "..", "..");
    const settingsFiles = filesUnder(userData).filter((file) => file.endsWith("settings.json"));
    assert.ok(
      settingsFiles.some((file) => readFileSync(file, "utf8").includes("pulsekit.obs.url")),
      `pulsekit.obs.url in one of ${settingsFiles.join(", ")}`,
    );
    for (const file of [...logs, ...settingsFiles]) {
      const text = readFileSync(file, "utf8");
      for (const canary of [CANARY, SECOND_CANARY]) assert.ok(!text.includes(canary), `${canary} in ${file}`);
    }
    const shown = JSON.stringify([ui.messages, ui.progresses]);
    for (const canary of [CANARY, SECOND_CANARY]) assert.ok(!shown.includes(canary), "a password in a message");
  });

  it("says how to reach OBS when nothing answers, with Open Settings and a Retry that works once OBS is up", async () => {
    const widget = await seedWidget("Offline heart");
    const { port } = obs;
    await obs.close();
    ui.answer = async (m) => {
      if (!m.actions.includes("Retry")) return undefined;
      obs = await startFakeObs({ scenes: SCENES, port });
      return "Retry";
    };
    await vscode.commands.executeCommand("pulsekit.addToObs", rowOf(widget));
    const down = ui.messages.find((m) => m.severity === "error");
    assert.ok(down);
    assert.equal(
      down.message,
      `Could not reach OBS at ws://127.0.0.1:${port}. Start OBS and turn on Tools > WebSocket Server Settings (Enable WebSocket server); if Show Connect Info there shows another address, use that one.`,
    );
    assert.deepEqual(down.actions, ["Retry", "Open Settings"]);
    await success('Added "Offline heart" to the OBS scene "Gameplay".');

    await obs.close();
    ui.messages.length = 0;
    ui.answer = (m) => (m.actions.includes("Open Settings") ? "Open Settings" : undefined);
    await vscode.commands.executeCommand("pulsekit.addToObs", rowOf(widget));
    await eventually(
      () => vscode.window.tabGroups.activeTabGroup.activeTab?.label === "Settings",
      "the Settings editor to open",
    );
  });

  it("when OBS closes mid-request after a create, the error names the widget and its URL, and the view still lists it", async () => {
    obs.closeOnNext("CreateInput");
    let retried = false;
    ui.answer = (m) => {
      if (m.actions.includes("Add to OBS")) return "Add to OBS";
      if (m.severity === "error" && !retried) {
        retried = true;
        return "Retry";
      }
      return undefined;
    };
    const running = start("pulsekit.createWidget");
    await choose(await ui.nextInput(), "Minimal");
    await typeAndEnter(await ui.nextInput<vscode.InputBox>(), "Dropped heart");
    await choose(await ui.nextInput(), "Create widget");
    await running;
    const [widget] = await emulator.widgets();
    assert.ok(widget);
    const dropped = await failure();
    assert.equal(
      dropped.message,
      `OBS at ${obs.url} closed the connection before it answered. The widget "Dropped heart" itself was created and works: to place it by hand, add a Browser source in OBS with the URL ${viewUrl(widget.id)}. Check that OBS is still running, then try again.`,
    );
    assert.deepEqual(dropped.actions, ["Retry", "Copy OBS URL"]);
    const rows = await api.widgetRows();
    assert.ok(rows.some(({ row }) => row.kind === "widget" && row.widget.id === widget.id));
    // Retry went through
    await success('Added "Dropped heart" to the OBS scene "Gameplay".');
  });

  it("after a create, OBS being down says the widget was created all the same and offers its URL", async () => {
    await obs.close();
    ui.answer = (m) => {
      if (m.actions.includes("Add to OBS")) return "Add to OBS";
      if (m.actions.includes("Copy OBS URL") && m.severity === "error") return "Copy OBS URL";
      return undefined;
    };
    const running = start("pulsekit.createWidget");
    await choose(await ui.nextInput(), "Minimal");
    await typeAndEnter(await ui.nextInput<vscode.InputBox>(), "Made anyway");
    await choose(await ui.nextInput(), "Create widget");
    await running;
    const [widget] = await emulator.widgets();
    assert.ok(widget);
    const down = await failure();
    assert.match(down.message, /^Could not reach OBS at /);
    assert.match(down.message, /The widget "Made anyway" was created all the same: Copy OBS URL gives its URL/);
    assert.deepEqual(down.actions, ["Retry", "Open Settings", "Copy OBS URL"]);
    await eventually(() => ui.copied.includes(viewUrl(widget.id)), "the URL to be copied");
  });

  it("Cancel on the progress notification stops waiting for OBS, and says nothing went wrong", async () => {
    const widget = await seedWidget("Slow heart");
    obs.setDelay(Number.POSITIVE_INFINITY);
    const running = start("pulsekit.addToObs", rowOf(widget));
    await eventually(() => obs.requests().length > 0, "OBS to get a request");
    ui.cancelProgress();
    await running;
    assert.deepEqual(
      ui.messages.filter((m) => m.severity === "error"),
      [],
    );
    assert.equal(obs.inputs().length, 0);
  });

  it(`places a widget within moments of the command (${TIMING_RUNS} runs; the figures are logged)`, async () => {
    const created = new Map<string, number>();
    await obs.close();
    await useObs({
      onRequest: (request) => {
        if (request.requestType === "CreateInput")
          created.set(String(request.requestData?.inputName), performance.now());
      },
    });
    const times: number[] = [];
    for (let run = 0; run < TIMING_RUNS; run++) {
      const widget = await seedWidget(`Timed ${run}`);
      const started = performance.now();
      await vscode.commands.executeCommand("pulsekit.addToObs", rowOf(widget));
      const at = created.get(`Timed ${run}`);
      assert.ok(at, `Timed ${run} reached OBS`);
      times.push(at - started);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const figures = {
      what: "executeCommand(pulsekit.addToObs) on a view row to CreateInput arriving at the fake OBS, in the extension host",
      runs: times.length,
      medianMs: Math.round((sorted[Math.floor(sorted.length / 2)] ?? Number.NaN) * 10) / 10,
      minMs: Math.round((sorted[0] ?? Number.NaN) * 10) / 10,
      maxMs: Math.round((sorted.at(-1) ?? Number.NaN) * 10) / 10,
    };
    console.log(`add to OBS timing ${JSON.stringify(figures)}`);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    if (extension) {
      const dir = join(extension.extensionPath, ".test-results");
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "add-to-obs-timing.json"), `${JSON.stringify(figures, null, 2)}\n`);
    }
    assert.equal(obs.inputs().length, TIMING_RUNS);
  });
});

import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import type { PulseKitApi } from "../../../src/extension";
import {
  apiRequests,
  choose,
  emulator,
  eventually,
  pressEnter,
  setTokenThroughUi,
  settle,
  start,
  startEachTestFresh,
  type TestUi,
  typeAndEnter,
} from "./helpers";

const BPM = "bf6bdf21-10a7-4a28-97ec-a239e6c77f8b";

/** the configuration editor the command opened */
async function configurationEditor(): Promise<vscode.TextEditor> {
  return eventually(() => {
    const editor = vscode.window.activeTextEditor;
    return editor?.document.uri.path.endsWith(".pulsoid-widget.json") ? editor : undefined;
  }, "the configuration editor to open");
}

async function replaceAndSave(editor: vscode.TextEditor, text: string): Promise<void> {
  const all = new vscode.Range(0, 0, editor.document.lineCount, 0);
  assert.ok(await editor.edit((edit) => edit.replace(all, text)));
  assert.ok(await editor.document.save());
}

describe("widgets", () => {
  let ui: TestUi;
  let api: PulseKitApi;
  startEachTestFresh({ signedIn: true }, (started) => ({ ui, api } = started));

  it("Create Widget walks preset, name and review with step counts, and creates exactly one widget", async () => {
    ui.answer = (m) => (m.actions.includes("Copy OBS URL") ? "Copy OBS URL" : undefined);
    const running = start("pulsekit.createWidget");
    const presets = await ui.nextInput<vscode.QuickPick<vscode.QuickPickItem>>();
    assert.deepEqual([presets.step, presets.totalSteps], [1, 3]);
    assert.ok(presets.items.some((i) => i.description?.startsWith("zones")));
    await choose(presets, "Classic");

    const name = await ui.nextInput<vscode.InputBox>();
    assert.deepEqual([name.step, name.totalSteps], [2, 3]);
    assert.ok(name.buttons.includes(vscode.QuickInputButtons.Back), "step 2 has a Back button");
    await typeAndEnter(name, "   ");
    assert.match(name.validationMessage as string, /name must not be empty/);
    await typeAndEnter(name, "Stream heart");

    let review = await ui.nextInput<vscode.QuickPick<vscode.QuickPickItem>>();
    assert.deepEqual([review.step, review.totalSteps], [3, 3]);
    await choose(review, "Heart: shown");
    review = await ui.nextInput();
    assert.ok(review.items.some((i) => i.label.includes("Heart: hidden")));
    await choose(review, "Heart colour");
    await typeAndEnter(await ui.nextInput<vscode.InputBox>(), "#00ff00ff");
    review = await ui.nextInput();
    await choose(review, "Create widget");
    await running;

    const creates = await apiRequests("POST", "/api/v1/widgets");
    assert.equal(creates.length, 1);
    assert.deepEqual(creates[0]?.body, {
      name: "Stream heart",
      meta_id: BPM,
      configuration: { heartEnabled: false, heartColor: "#00FF00FF" },
    });
    const [widget] = await emulator.widgets();
    assert.ok(widget);
    const done = await ui.waitForMessage((m) => m.message.startsWith('Created the Pulsoid widget "Stream heart"'));
    assert.deepEqual(done.actions, ["Add to OBS", "Copy OBS URL", "Open"]);
    const url = `https://pulsoid.net/widget/view/${widget.id}`;
    assert.equal(ui.copied.at(-1), url);
    assert.equal(await vscode.env.clipboard.readText(), url, "the OBS URL is on the clipboard");
  });

  it("Enter accepts the highlighted item even when the extension host has not heard of it yet", async () => {
    ui.hostHearsLate = true;
    try {
      const running = start("pulsekit.createWidget");
      await ui.nextInput();
      await settle();
      await pressEnter();
      await typeAndEnter(await ui.nextInput<vscode.InputBox>(), "Heard late");
      await ui.nextInput();
      await settle();
      await pressEnter();
      await ui.waitForMessage((m) => m.message.startsWith('Created the Pulsoid widget "Heard late"'));
      await running;
    } finally {
      ui.hostHearsLate = false;
    }
    const [widget] = await emulator.widgets();
    assert.equal(widget?.configuration.heartEnabled, true, "the highlighted preset (classic) was used");
  });

  it("Back returns to the previous step with what was entered", async () => {
    const running = start("pulsekit.createWidget");
    await choose(await ui.nextInput(), "Minimal");
    const name = await ui.nextInput<vscode.InputBox>();
    name.value = "Typed then back";
    await vscode.commands.executeCommand("workbench.action.quickInputBack");
    const presets = await ui.nextInput<vscode.QuickPick<vscode.QuickPickItem>>();
    assert.equal(presets.step, 1);
    await choose(presets, "Minimal");
    const again = await ui.nextInput<vscode.InputBox>();
    assert.equal(again.step, 2);
    await vscode.commands.executeCommand("workbench.action.closeQuickOpen");
    await running;
    assert.equal((await apiRequests("POST", "/api/v1/widgets")).length, 0, "closing the input creates nothing");
  });

  it("edits the configuration as JSON: bad JSON is refused without a request, a valid file is used", async () => {
    const running = start("pulsekit.createWidget");
    await choose(await ui.nextInput(), "Heart-rate zones");
    await typeAndEnter(await ui.nextInput<vscode.InputBox>(), "Zones by JSON");
    await choose(await ui.nextInput(), "Edit configuration as JSON");
    const editor = await configurationEditor();
    assert.match(editor.document.getText(), /"ranges"/);

    await replaceAndSave(editor, '{ "heartEnabled": true, "heartColor": "red" ');
    const syntax = await ui.waitForMessage((m) => m.severity === "error");
    assert.match(syntax.message, /not valid JSON/);
    ui.messages.length = 0;
    const text = '{ "heartEnabled": true, "heartColor": "red" }';
    assert.ok(await editor.edit((edit) => edit.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), text)));
    // the contributed JSON schema flags the colour as you type, before anything is saved
    const problems = await eventually(() => {
      const found = vscode.languages.getDiagnostics(editor.document.uri);
      return found.some((d) => d.message.includes("Use #RRGGBB or #RRGGBBAA")) ? found : undefined;
    }, "the schema to flag heartColor in the editor");
    assert.ok(problems.length > 0);
    await replaceAndSave(editor, text);
    const invalid = await ui.waitForMessage((m) => m.severity === "error");
    assert.match(invalid.message, /The heart colour \(heartColor\) must be a colour/);
    assert.equal((await apiRequests("POST", "/api/v1/widgets")).length, 0, "bad JSON never sends a request");

    await replaceAndSave(editor, '{ "heartEnabled": true, "heartColor": "#112233FF", "font": "Inter" }');
    const review = await ui.nextInput<vscode.QuickPick<vscode.QuickPickItem>>();
    assert.ok(review.items.some((i) => i.label.includes("#112233FF")));
    await choose(review, "Create widget");
    await running;
    const creates = await apiRequests("POST", "/api/v1/widgets");
    assert.equal(creates.length, 1);
    assert.deepEqual((creates[0]?.body as { configuration?: unknown } | undefined)?.configuration, {
      heartEnabled: true,
      heartColor: "#112233FF",
      font: "Inter",
    });
  });

  it("keeps the input when creating fails, and the next Create Widget resumes it", async () => {
    await emulator.fault({ method: "POST", path: "/api/v1/widgets", status: 400, errorCode: 7011, times: 1 });
    const first = start("pulsekit.createWidget");
    await choose(await ui.nextInput(), "Minimal");
    await typeAndEnter(await ui.nextInput<vscode.InputBox>(), "Try again later");
    await choose(await ui.nextInput(), "Create widget");
    await first;
    await ui.waitForMessage((m) => m.severity === "error");
    assert.equal((await emulator.widgets()).length, 0);

    const second = start("pulsekit.createWidget");
    const presets = await ui.nextInput<vscode.QuickPick<vscode.QuickPickItem>>();
    await choose(presets, 'Resume "Try again later"');
    const name = await ui.nextInput<vscode.InputBox>();
    assert.equal(name.value, "Try again later");
    await pressEnter();
    await choose(await ui.nextInput(), "Create widget");
    await second;
    const widgets = await emulator.widgets();
    assert.deepEqual(
      widgets.map((w) => [w.name, w.configuration]),
      [["Try again later", { heartEnabled: false }]],
    );
  });

  it("Show Widgets lists name, type and id; choosing one copies its OBS URL", async () => {
    const [seeded] = await emulator.seedWidgets([
      { name: "Seeded heart", meta_id: BPM, configuration: { heartEnabled: true } },
      { name: "Other kind", meta_id: "f0654a12-3a59-4beb-b567-c5febda19c48", configuration: {} },
    ]);
    assert.ok(seeded);
    const running = start("pulsekit.listWidgets");
    const list = await ui.nextInput<vscode.QuickPick<vscode.QuickPickItem>>();
    const item = list.items.find((i) => i.label === "Seeded heart");
    assert.equal(item?.description, "Heart rate (BPM)");
    assert.equal(item?.detail, `id ${seeded.id}`);
    assert.equal(list.items.find((i) => i.label === "Other kind")?.description, "Other widget type");
    await choose(list, "Seeded heart");
    const actions = await ui.nextInput<vscode.QuickPick<vscode.QuickPickItem>>();
    assert.deepEqual(
      actions.items.map((i) => i.label.replace(/^\$\([^)]+\) /, "")),
      ["Copy OBS URL", "Add to OBS", "Add to OBS Scene…", "Open", "Update configuration…"],
    );
    await choose(actions, "Copy OBS URL");
    await running;
    assert.equal(ui.copied.at(-1), `https://pulsoid.net/widget/view/${seeded.id}`);
  });

  it("Show Widgets opens the chosen widget's page", async () => {
    const [seeded] = await emulator.seedWidgets([{ name: "To open", meta_id: BPM, configuration: {} }]);
    const running = start("pulsekit.listWidgets");
    await choose(await ui.nextInput(), "To open");
    await choose(await ui.nextInput(), "Open");
    await running;
    assert.deepEqual(ui.opened, [`https://pulsoid.net/widget/view/${seeded?.id}`]);
  });

  it("Copy Widget URL copies the URL of the chosen widget", async () => {
    const [, second] = await emulator.seedWidgets([
      { name: "First", meta_id: BPM, configuration: {} },
      { name: "Second", meta_id: BPM, configuration: {} },
    ]);
    const running = start("pulsekit.copyWidgetUrl");
    await choose(await ui.nextInput(), "Second");
    await running;
    assert.equal(await vscode.env.clipboard.readText(), `https://pulsoid.net/widget/view/${second?.id}`);
  });

  it("Update Widget applies the change by read-modify-write and keeps unknown keys", async () => {
    const [seeded] = await emulator.seedWidgets([
      { name: "To update", meta_id: BPM, configuration: { heartEnabled: true, font: "Inter", custom: { a: 1 } } },
    ]);
    const running = start("pulsekit.updateWidget");
    await choose(await ui.nextInput(), "To update");
    const review = await ui.nextInput<vscode.QuickPick<vscode.QuickPickItem>>();
    assert.deepEqual([review.step, review.totalSteps], [2, 2]);
    await choose(review, "Heart: shown");
    await choose(await ui.nextInput(), "Apply changes");
    await running;
    const updates = await apiRequests("POST", `/api/v1/widgets/${seeded?.id}`);
    assert.equal(updates.length, 1);
    assert.deepEqual(updates[0]?.body, { configuration: { heartEnabled: false, font: "Inter", custom: { a: 1 } } });
    const [stored] = await emulator.widgets();
    assert.deepEqual(stored?.configuration, { heartEnabled: false, font: "Inter", custom: { a: 1 } });
    await ui.waitForMessage((m) => m.message.startsWith('Updated the Pulsoid widget "To update"'));
  });
});

describe("errors", () => {
  let ui: TestUi;
  let api: PulseKitApi;
  startEachTestFresh({}, (started) => ({ ui, api } = started));

  it("a refused token asks to sign in again and keeps the secret", async () => {
    const token = await setTokenThroughUi(ui, ["widgets:read", "widgets:update"]);
    await emulator.fault({ method: "GET", path: "/api/v1/widgets", status: 401, errorCode: 7006 });
    await vscode.commands.executeCommand("pulsekit.listWidgets");
    const error = await ui.waitForMessage((m) => m.severity === "error");
    assert.deepEqual(error.actions, ["Sign In Again", "Set Access Token"]);
    const session = await api.session();
    assert.equal(session?.accessToken, token, "only Sign Out deletes the token");
    assert.equal(session?.rejected, true);
  });

  it("a 503 never signs out, and Retry works", async () => {
    const token = await setTokenThroughUi(ui, ["widgets:read", "widgets:update"]);
    await emulator.seedWidgets([{ name: "After retry", meta_id: BPM, configuration: {} }]);
    await emulator.fault({ method: "GET", path: "/api/v1/widgets", status: 503, times: 20 });
    ui.answer = async (m) => {
      if (m.severity !== "error") return undefined;
      await emulator.clearFaults();
      return "Retry";
    };
    const running = start("pulsekit.listWidgets");
    const list = await ui.nextInput<vscode.QuickPick<vscode.QuickPickItem>>(30_000);
    const error = ui.messages.find((m) => m.severity === "error");
    assert.ok(error?.actions.includes("Retry"), JSON.stringify(error));
    assert.equal((await api.session())?.accessToken, token);
    assert.equal((await api.session())?.rejected, undefined);
    assert.ok(list.items.some((i) => i.label === "After retry"));
    await vscode.commands.executeCommand("workbench.action.closeQuickOpen");
    await running;
  });

  it("a create that times out never signs out, keeps the input and points to the widget list", async () => {
    const token = await setTokenThroughUi(ui, ["widgets:read", "widgets:update"]);
    await emulator.fault({ method: "POST", path: "/api/v1/widgets", hang: true });
    const running = start("pulsekit.createWidget");
    await choose(await ui.nextInput(), "Minimal");
    await typeAndEnter(await ui.nextInput<vscode.InputBox>(), "Slow one");
    await choose(await ui.nextInput(), "Create widget");
    const error = await ui.waitForMessage((m) => m.severity === "error", 45_000);
    await running;
    assert.match(error.message, /may have been created/);
    assert.deepEqual(error.actions, ["Show Widgets"], "no Retry that could make a second widget");
    assert.equal((await api.session())?.accessToken, token);
    assert.equal((await apiRequests("POST", "/api/v1/widgets")).length, 1, "the create was sent once");
    const resume = start("pulsekit.createWidget");
    const presets = await ui.nextInput();
    assert.ok(presets.items.some((i) => i.label.includes('Resume "Slow one"')));
    await vscode.commands.executeCommand("workbench.action.closeQuickOpen");
    await resume;
  });

  it("a resumed create finds the widget a timed-out create made, instead of making a second", async () => {
    await setTokenThroughUi(ui, ["widgets:read", "widgets:update"]);
    // Pulsoid stores it, but only after the extension stopped waiting (its request timeout is 10 s)
    await emulator.fault({ method: "POST", path: "/api/v1/widgets", delayMs: 10_500 });
    const running = start("pulsekit.createWidget");
    await choose(await ui.nextInput(), "Classic");
    await typeAndEnter(await ui.nextInput<vscode.InputBox>(), "Late one");
    await choose(await ui.nextInput(), "Create widget");
    await ui.waitForMessage((m) => m.severity === "error", 45_000);
    await running;
    await eventually(async () => (await emulator.widgets()).length === 1 || undefined, "the late widget to land");
    const [late] = await emulator.widgets();

    ui.messages.length = 0;
    const resume = start("pulsekit.createWidget");
    await choose(await ui.nextInput(), 'Resume "Late one"');
    await typeAndEnter(await ui.nextInput<vscode.InputBox>(), "Late one");
    await choose(await ui.nextInput(), "Create widget");
    await ui.waitForMessage((m) => m.message.startsWith('Created the Pulsoid widget "Late one"'));
    await resume;
    assert.deepEqual(
      (await emulator.widgets()).map((w) => w.id),
      [late?.id],
    );
    assert.equal((await apiRequests("POST", "/api/v1/widgets")).length, 1, "no second create was sent");
  });

  it("Cancel on the progress notification stops a create that hangs and says it may have been created", async () => {
    await setTokenThroughUi(ui, ["widgets:read", "widgets:update"]);
    await emulator.fault({ method: "POST", path: "/api/v1/widgets", hang: true });
    const running = start("pulsekit.createWidget");
    await choose(await ui.nextInput(), "Classic");
    await typeAndEnter(await ui.nextInput<vscode.InputBox>(), "Cancelled one");
    await choose(await ui.nextInput(), "Create widget");
    await eventually(
      async () => (await apiRequests("POST", "/api/v1/widgets")).length === 1 || undefined,
      "the create",
    );
    const cancelledAt = Date.now();
    ui.cancelProgress();
    const error = await ui.waitForMessage((m) => m.severity === "error", 5_000);
    await running;
    assert.ok(Date.now() - cancelledAt < 3_000, "the create stopped when Cancel was pressed");
    assert.match(error.message, /Cancelled/);
    assert.match(error.message, /may have been created/);
    assert.deepEqual(error.actions, ["Show Widgets"]);
  });

  it("a connection dropped after Pulsoid stored the widget still ends with exactly one widget", async () => {
    await setTokenThroughUi(ui, ["widgets:read", "widgets:update"]);
    await emulator.fault({ method: "POST", path: "/api/v1/widgets", resetAfterStore: true });
    const running = start("pulsekit.createWidget");
    await choose(await ui.nextInput(), "Classic");
    await typeAndEnter(await ui.nextInput<vscode.InputBox>(), "Stored anyway");
    await choose(await ui.nextInput(), "Create widget");
    await running;
    await ui.waitForMessage((m) => m.message.startsWith('Created the Pulsoid widget "Stored anyway"'));
    assert.deepEqual(
      (await emulator.widgets()).map((w) => w.name),
      ["Stored anyway"],
    );
  });

  it("asks to sign in when no token is stored, and sends nothing", async () => {
    await vscode.commands.executeCommand("pulsekit.createWidget");
    const message = await ui.waitForMessage((m) => /not signed in/.test(m.message));
    assert.deepEqual(message.actions, ["Sign In", "Set Access Token"]);
    assert.equal((await emulator.requests()).filter((r) => r.path.startsWith("/api/")).length, 0);
  });
});

import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import type { PulseKitApi } from "../../../src/extension";
import type { WidgetNode } from "../../../src/view/widget-node";
import {
  apiRequests,
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

/** resolves the next time the Pulsoid view is told to load its rows again */
function nextRowsChange(api: PulseKitApi, timeoutMs = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`the Pulsoid view was not refreshed within ${timeoutMs} ms`));
    }, timeoutMs);
    const subscription = api.onDidChangeWidgetRows(() => {
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}

/** the view's row for the widget with this name */
async function rowNamed(api: PulseKitApi, name: string): Promise<{ row: WidgetNode; item: vscode.TreeItem }> {
  return eventually(async () => (await api.widgetRows()).find((r) => r.item.label === name), `a row named ${name}`);
}

describe("the Pulsoid view", () => {
  let ui: TestUi;
  let api: PulseKitApi;
  startEachTestFresh({ signedIn: true }, (started) => ({ ui, api } = started));
  // a shown view loads the widgets after every sign-in: hidden, it leaves the emulator's faults to the next tests
  after(() => vscode.commands.executeCommand("workbench.action.closeSidebar"));

  it("shows a widget made with Create Widget, selected, its type beside it and its id on hover", async () => {
    await vscode.commands.executeCommand("pulsekit.widgets.focus");
    assert.deepEqual(await api.widgetRows(), [], "a fresh account has no rows");
    const refreshed = nextRowsChange(api);
    const running = start("pulsekit.createWidget");
    await choose(await ui.nextInput(), "Classic");
    await typeAndEnter(await ui.nextInput<vscode.InputBox>(), "From the view");
    await choose(await ui.nextInput(), "Create widget");
    await running;
    await refreshed;
    const [created] = await emulator.widgets();
    const { row, item } = await rowNamed(api, "From the view");
    assert.equal(item.description, "Heart rate (BPM)");
    assert.equal(item.contextValue, "pulsekit.widget");
    assert.equal(item.id, created?.id);
    assert.match(String(item.tooltip), new RegExp(`id ${created?.id}`));
    assert.match(String(item.tooltip), /not on Pulsoid/, "the hover says an emulator widget shows nothing in OBS");
    assert.equal(row.kind === "widget" && row.widget.id, created?.id);
    const selected = await eventually(() => api.widgetSelection()[0], "the new widget to be selected");
    assert.equal(selected.kind === "widget" && selected.widget.id, created?.id);
    assert.equal(api.contextKeys()["pulsekit.hasWidgets"], true);
  });

  it("Copy OBS URL on a row copies that widget's URL, with the emulator caveat", async () => {
    const [, second] = await emulator.seedWidgets([
      { name: "First row", meta_id: BPM, configuration: {} },
      { name: "Second row", meta_id: BPM, configuration: {} },
    ]);
    const { row } = await rowNamed(api, "Second row");
    await vscode.commands.executeCommand("pulsekit.widget.copyObsUrl", row);
    const url = `https://pulsoid.net/widget/view/${second?.id}`;
    assert.equal(await vscode.env.clipboard.readText(), url);
    const said = await ui.waitForMessage((m) => m.message.startsWith("Copied the OBS browser-source URL"));
    assert.ok(said.message.includes(url), said.message);
    assert.match(said.message, /made on http:\/\/127\.0\.0\.2:\d+, not on Pulsoid/);
  });

  it("Open on a row opens that widget's page", async () => {
    const [first] = await emulator.seedWidgets([
      { name: "Open me", meta_id: BPM, configuration: {} },
      { name: "Not me", meta_id: BPM, configuration: {} },
    ]);
    const { row } = await rowNamed(api, "Open me");
    await vscode.commands.executeCommand("pulsekit.widget.open", row);
    assert.deepEqual(ui.opened, [`https://pulsoid.net/widget/view/${first?.id}`]);
  });

  it("Update on a row edits that widget, starting at its configuration, and refreshes the view", async () => {
    const [, second] = await emulator.seedWidgets([
      { name: "Leave alone", meta_id: BPM, configuration: { heartEnabled: true } },
      { name: "Change me", meta_id: BPM, configuration: { heartEnabled: true } },
    ]);
    const { row } = await rowNamed(api, "Change me");
    const refreshed = nextRowsChange(api);
    const running = start("pulsekit.widget.update", row);
    const review = await ui.nextInput<vscode.QuickPick<vscode.QuickPickItem>>();
    assert.deepEqual([review.step, review.totalSteps], [1, 1], "no widget picker: the row said which");
    assert.match(review.title ?? "", /Update Widget/);
    await choose(review, "Heart: shown");
    await choose(await ui.nextInput(), "Apply changes");
    await running;
    await refreshed;
    const posts = (await apiRequests("POST", /^\/api\/v1\/widgets\//)).map((r) => r.path);
    assert.deepEqual(posts, [`/api/v1/widgets/${second?.id}`]);
    const stored = await emulator.widgets();
    assert.deepEqual(
      stored.map((w) => [w.name, w.configuration.heartEnabled]),
      [
        ["Leave alone", true],
        ["Change me", false],
      ],
    );
  });

  it("Refresh loads widgets made elsewhere since the view was shown", async () => {
    assert.deepEqual(await api.widgetRows(), []);
    await emulator.seedWidgets([{ name: "Made on the website", meta_id: BPM, configuration: {} }]);
    const refreshed = nextRowsChange(api);
    await vscode.commands.executeCommand("pulsekit.refreshWidgets");
    await refreshed;
    await rowNamed(api, "Made on the website");
  });

  it("a refused token shows one row saying so, which signs in again", async () => {
    // enough for a load the sign-in started too
    await emulator.fault({ method: "GET", path: "/api/v1/widgets", status: 401, errorCode: 7006, times: 5 });
    const rows = await api.widgetRows();
    assert.equal(rows.length, 1);
    const [{ row, item } = { row: undefined, item: undefined }] = rows;
    assert.equal(row?.kind, "problem");
    assert.equal(item?.label, "Could not load your widgets");
    assert.equal(item?.command?.command, "pulsekit.signIn");
    assert.match(String(item?.tooltip), /token/i);
  });

  it("pulsekit.signedIn follows the session, and signing out empties the view for its welcome content", async () => {
    await emulator.seedWidgets([{ name: "Mine", meta_id: BPM, configuration: {} }]);
    assert.equal(api.contextKeys()["pulsekit.signedIn"], true);
    await rowNamed(api, "Mine");
    const refreshed = nextRowsChange(api);
    await vscode.commands.executeCommand("pulsekit.signOut");
    await refreshed;
    assert.equal(
      await eventually(() => api.contextKeys()["pulsekit.signedIn"] === false || undefined, "signedIn false"),
      true,
    );
    assert.deepEqual(await api.widgetRows(), [], "no rows: VS Code shows the welcome content instead");
    assert.equal(api.contextKeys()["pulsekit.hasWidgets"], false);
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON;
    const welcome = manifest.contributes.viewsWelcome.find(
      (entry: { view: string; when: string }) =>
        entry.view === "pulsekit.widgets" && entry.when === "!pulsekit.signedIn",
    );
    assert.match(welcome.contents, /\[Sign In\]\(command:pulsekit\.signIn\)/);
    assert.match(welcome.contents, /\[Set Access Token\]\(command:pulsekit\.setToken\)/);
    const palette = manifest.contributes.menus.commandPalette as { command: string; when: string }[];
    assert.deepEqual(
      palette.find((entry) => entry.command === "pulsekit.signOut"),
      { command: "pulsekit.signOut", when: "pulsekit.signedIn" },
      "Sign Out leaves the palette once pulsekit.signedIn is false",
    );
  });
});

import * as assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as vscode from "vscode";
import type { PulseKitApi } from "../../../src/extension";
import type { ShownHeartRate } from "../../../src/heart-rate/heart-rate-status-bar";
import { EXTENSION_ID, emulator, eventually, setTokenThroughUi, startEachTestFresh, type TestUi } from "./helpers";

const HEART_RATE_SCOPES = ["widgets:read", "widgets:update", "data:heart_rate:read"];
const LATENCY_READINGS = 50;

type StatusBar = Awaited<ReturnType<PulseKitApi["heartRateStatusBar"]>>;

describe("heart rate in the status bar", () => {
  let ui: TestUi;
  let api: PulseKitApi;
  let bar: StatusBar;
  let token: string;
  const config = () => vscode.workspace.getConfiguration("pulsekit");
  const setShown = (shown: boolean | undefined) =>
    config().update("heartRate.statusBar", shown, vscode.ConfigurationTarget.Global);

  startEachTestFresh({}, (started) => ({ ui, api } = started));
  beforeEach(async () => {
    token = await setTokenThroughUi(ui, HEART_RATE_SCOPES);
    ui.messages.length = 0;
    bar = await api.heartRateStatusBar();
  });
  afterEach(async () => {
    await setShown(undefined);
    await eventually(async () => (await emulator.realTimeConnections()) === 0, "no real-time connection left");
  });

  /** the item once `match` holds for it */
  const shownWhen = (match: (shown: ShownHeartRate) => boolean, what: string, timeoutMs?: number) =>
    eventually(
      () => {
        const shown = bar.shown();
        return shown && match(shown) ? shown : undefined;
      },
      `${what} (the item shows ${JSON.stringify(bar.shown())})`,
      timeoutMs,
    );
  const shownText = (text: string) => shownWhen((shown) => shown.text === text, `the text ${text}`);
  /** turns the item on and waits until its stream is open at the emulator */
  const showAndConnect = async () => {
    await setShown(true);
    await eventually(async () => (await emulator.realTimeConnections()) === 1, "one real-time connection");
  };
  /** sends a reading (again, if the stream was not open yet) until the item shows it */
  const sendAndShow = async (bpm: number) => {
    await eventually(async () => (await emulator.sendHeartRate(bpm)) > 0, `a connection to send ${bpm} to`);
    return shownText(`$(heart) ${bpm}`);
  };

  it("is off until the setting is on, then shows each reading as a heart and the number", async () => {
    assert.equal(config().get("heartRate.statusBar"), false);
    assert.equal(bar.shown(), undefined);
    assert.equal(await emulator.realTimeConnections(), 0, "no connection while the item is hidden");
    await showAndConnect();
    const shown = await sendAndShow(72);
    assert.equal(shown.backgroundColor, undefined);
    assert.equal(shown.command, "pulsekit.showHeartRate");
    assert.match(shown.tooltip, /72 bpm, zone 1 of 4/);
    assert.ok(!shown.tooltip.includes(token), "the token is never in the tooltip");
  });

  it("takes the theme's error background in the top zone and the warning background below it", async () => {
    await showAndConnect();
    assert.equal((await sendAndShow(182)).backgroundColor, "statusBarItem.errorBackground");
    assert.equal((await sendAndShow(150)).backgroundColor, "statusBarItem.warningBackground");
    assert.equal((await sendAndShow(72)).backgroundColor, undefined);
  });

  it("after a dropped connection it reconnects and the next reading updates the text", async () => {
    await showAndConnect();
    await sendAndShow(72);
    assert.equal(await emulator.dropRealTime(), 1);
    const reconnecting = await shownWhen((shown) => shown.text.includes("$(sync~spin)"), "the reconnecting text");
    assert.match(reconnecting.tooltip, /connection to Pulsoid dropped; connecting again in \d+ s/);
    await eventually(async () => (await emulator.realTimeConnections()) === 1, "the connection back");
    await sendAndShow(81);
  });

  it("a revoked token shows Sign in, its click offers signing in again, and the session is kept", async () => {
    await showAndConnect();
    await sendAndShow(72);
    await emulator.revokeToken(token);
    const shown = await shownText("$(heart) Sign in");
    assert.match(shown.tooltip, /sign in again; the token is kept/);
    assert.equal((await api.session())?.accessToken, token, "the refused token stays stored");
    assert.equal(await emulator.realTimeConnections(), 0);
    await vscode.commands.executeCommand("pulsekit.showHeartRate");
    const offer = await ui.waitForMessage((m) => m.severity === "error");
    assert.deepEqual(offer.actions, ["Sign In Again", "Set Access Token"]);
  });

  it("a token without data:heart_rate:read names the permission and its click offers Sign In again", async () => {
    await setShown(true);
    await setTokenThroughUi(ui, ["widgets:read", "widgets:update"]);
    const shown = await shownWhen(
      (s) => s.text === "$(heart) Sign in" && s.tooltip.includes("data:heart_rate:read"),
      "the missing permission",
    );
    assert.match(shown.tooltip, /widgets keep working/);
    assert.equal(await emulator.realTimeConnections(), 0, "no stream without the permission");
    ui.messages.length = 0;
    await vscode.commands.executeCommand("pulsekit.showHeartRate");
    const offer = await ui.waitForMessage((m) => m.message.includes("data:heart_rate:read"));
    assert.deepEqual(offer.actions, ["Sign In Again", "Set Access Token"]);
  });

  it("turning the setting off removes the item and closes the connection", async () => {
    await showAndConnect();
    await sendAndShow(72);
    await setShown(false);
    await eventually(() => bar.shown() === undefined, "the item gone");
    await eventually(async () => (await emulator.realTimeConnections()) === 0, "the connection closed");
  });

  it("signing out closes the connection and asks to sign in; the click offers it", async () => {
    await showAndConnect();
    await sendAndShow(72);
    await vscode.commands.executeCommand("pulsekit.signOut");
    await shownText("$(heart) Sign in");
    await eventually(async () => (await emulator.realTimeConnections()) === 0, "the connection closed");
    ui.messages.length = 0;
    await vscode.commands.executeCommand("pulsekit.showHeartRate");
    const offer = await ui.waitForMessage((m) => m.actions.includes("Sign In"));
    assert.deepEqual(offer.actions, ["Sign In", "Set Access Token"]);
  });

  it("Toggle Heart Rate in Status Bar flips the user setting", async () => {
    await vscode.commands.executeCommand("pulsekit.toggleHeartRate");
    assert.equal(config().inspect("heartRate.statusBar")?.globalValue, true);
    await eventually(() => bar.shown(), "the item shown");
    await vscode.commands.executeCommand("pulsekit.toggleHeartRate");
    assert.equal(config().inspect("heartRate.statusBar")?.globalValue, false);
    await eventually(() => bar.shown() === undefined, "the item gone");
  });

  it("its click shows the minimum, average and maximum since it was shown", async () => {
    await showAndConnect();
    for (const bpm of [70, 90, 65, 81]) await sendAndShow(bpm);
    await vscode.commands.executeCommand("pulsekit.showHeartRate");
    const summary = await ui.waitForMessage((m) => m.severity === "info" && m.message.includes("minimum"));
    assert.equal(
      summary.message,
      "Now 81 bpm. Since the status bar item appeared: minimum 65, average 77, maximum 90 bpm (4 readings).",
    );
  });

  it(`changes its text within moments of each reading (${LATENCY_READINGS} readings; the figures are logged)`, async () => {
    await showAndConnect();
    await sendAndShow(59);
    const times: number[] = [];
    for (let index = 0; index < LATENCY_READINGS; index++) {
      const bpm = 60 + index;
      let subscription: vscode.Disposable | undefined;
      const changed = new Promise<number>((resolve) => {
        subscription = bar.onDidChange((shown) => {
          if (shown?.text === `$(heart) ${bpm}`) resolve(performance.now());
        });
      });
      const sent = performance.now();
      assert.equal(await emulator.sendHeartRate(bpm), 1);
      const shownAt = await Promise.race([
        changed,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${bpm} bpm never showed`)), 5000)),
      ]).finally(() => subscription?.dispose());
      times.push(shownAt - sent);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
    const figures = {
      what: "hook call at the emulator to the status bar item's text changing, in the extension host",
      readings: times.length,
      medianMs: Math.round(at(0.5) * 10) / 10,
      p95Ms: Math.round(at(0.95) * 10) / 10,
      maxMs: Math.round((sorted.at(-1) ?? Number.NaN) * 10) / 10,
    };
    console.log(`heart-rate latency ${JSON.stringify(figures)}`);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    if (extension) {
      const dir = join(extension.extensionPath, ".test-results");
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "heart-rate-latency.json"), `${JSON.stringify(figures, null, 2)}\n`);
    }
    assert.equal(times.length, LATENCY_READINGS);
  });
});

#!/usr/bin/env node
// prints the figures of the extension: .vsix and bundle sizes; the code loaded at activation and at the first
// command, and how long Node takes to evaluate each (with a stub `vscode`); inside code-server, VS Code's
// activation time (Running Extensions, and from its extension host log) and the extension's own, and the time
// from running a command in the palette to its request reaching the emulator (median of several runs), and
// from a heart-rate reading leaving the emulator to the status bar showing it on screen (median and p95)
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startEmulator } from "@pulsekit/emulator";
import { installVsix, launchBrowser, startCodeServer } from "../test/host/code-server.mjs";
import {
  filesUnder,
  hook,
  openWorkbench,
  runFromPalette,
  setTokenThroughPalette,
  waitFor,
} from "../test/host/workbench.mjs";
import { ACTIVATION_BUNDLE, COMMANDS_BUNDLE } from "./bundles.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const vsix = join(root, "pulsekit-vscode.vsix");
const activationBundle = join(root, ACTIVATION_BUNDLE);
const commandsBundle = join(root, COMMANDS_BUNDLE);
const RUNS = 7;
const COLD_RUNS = 3;
const EVALUATIONS = 9;
const EXTENSION_ID = "pulsekit.pulsekit-vscode";
const READINGS = 50;

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(1)} ms`;
const spread = (values) =>
  `median ${ms(median(values))} (min ${Math.min(...values).toFixed(1)}, max ${Math.max(...values).toFixed(1)}, n=${values.length})`;

/** how long Node takes to evaluate a bundle with a stub `vscode`, each time in a new process */
function evaluationTimes(file) {
  const script = join(root, "scripts", "evaluate-bundle.cjs");
  return Array.from({ length: EVALUATIONS }, () =>
    Number(execFileSync(process.execPath, [script, file], { encoding: "utf8" })),
  );
}

/** [time in ms, message] of each line of VS Code's log files (`2026-01-31 12:00:00.123 [info] message`) */
function logLines(files) {
  const lines = [];
  for (const file of files) {
    for (const match of readFileSync(file, "utf8").matchAll(
      /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3}) \[\w+\] (.*)$/gm,
    ))
      lines.push([Date.parse(`${match[1]}T${match[2]}`), match[3]]);
  }
  return lines.sort((a, b) => a[0] - b[0]);
}

/**
 * from the extension host's and the Pulsoid channel's logs: per activation, VS Code's start of activating the
 * extension to the channel's "activated" line (stamped once the host has set the channel up, so later than the
 * end of activate); the extension's own figures; and how long each first command took to load the commands
 */
function activationFigures(userData) {
  const files = filesUnder(userData);
  const lines = logLines(files.filter((file) => /remoteexthost\.log$|Pulsoid\.log$/.test(file)));
  const fromHost = [];
  const own = [];
  const evaluating = [];
  const waiting = [];
  const activating = [];
  const commandsLoaded = [];
  let started;
  for (const [at, message] of lines) {
    if (message.startsWith(`ExtensionService#_doActivateExtension ${EXTENSION_ID},`)) started = at;
    const activated = message.match(
      /^PulseKit activated in ([\d.]+) ms \(evaluating the bundle ([\d.]+) ms, waiting for VS Code to call activate ([\d.]+) ms, activate ([\d.]+) ms\)/,
    );
    if (activated) {
      own.push(Number(activated[1]));
      evaluating.push(Number(activated[2]));
      waiting.push(Number(activated[3]));
      activating.push(Number(activated[4]));
      if (started !== undefined) fromHost.push(at - started);
      started = undefined;
    }
    const loaded = message.match(/^PulseKit loaded its commands in ([\d.]+) ms/);
    if (loaded) commandsLoaded.push(Number(loaded[1]));
  }
  return { fromHost, own, evaluating, waiting, activating, commandsLoaded };
}

/**
 * VS Code's own activation time for PulseKit in this window (loading its code plus the activate call), as
 * Developer: Show Running Extensions shows it; undefined when it does not show
 */
async function runningExtensionsFigure(page) {
  await runFromPalette(page, "Developer: Show Running Extensions");
  const row = page.locator(".runtime-extensions-editor .monaco-list-row", { hasText: "PulseKit for Pulsoid" });
  const shown = await waitFor(
    "PulseKit's activation time in Running Extensions",
    async () => {
      const text = await row
        .first()
        .locator(".activation-time")
        .textContent({ timeout: 1000 })
        .catch(() => "");
      return text?.match(/(\d+)ms/)?.[1];
    },
    30_000,
  ).catch(() => undefined);
  await runFromPalette(page, "View: Close All Editors");
  return shown === undefined ? undefined : Number(shown);
}

/** the value below which a share q of the values lie */
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};

/**
 * turns the heart rate on in the status bar, then for each reading: from the hook call that sends it (this
 * process's clock) to the status bar item's text changing in the workbench (the page's clock; both are the
 * machine's wall clock at sub-millisecond resolution)
 */
async function statusBarLatencies(page, emulatorUrl) {
  await runFromPalette(page, "Pulsoid: Toggle Heart Rate in Status Bar");
  await page.locator(".part.statusbar .statusbar-item .codicon-heart").first().waitFor({ state: "visible" });
  await waitFor("the live stream to open", async () =>
    (await hook(emulatorUrl, "GET", "/real-time")).connections === 1 ? true : undefined,
  );
  // every change of the heart item's text, with when it happened
  await page.evaluate(() => {
    const seen = [];
    window.__pulsekitHeartRateTexts = seen;
    const text = () =>
      document.querySelector(".part.statusbar .codicon-heart")?.closest(".statusbar-item")?.textContent ?? "";
    new MutationObserver(() => seen.push([performance.timeOrigin + performance.now(), text()])).observe(
      document.querySelector(".part.statusbar"),
      { subtree: true, childList: true, characterData: true, attributes: true },
    );
  });
  const latencies = [];
  for (let index = 0; index < READINGS; index++) {
    const bpm = 60 + index;
    const sent = performance.timeOrigin + performance.now();
    await hook(emulatorUrl, "POST", "/heart-rate", { bpm });
    const shown = await waitFor(
      `${bpm} bpm in the status bar`,
      () =>
        page.evaluate(
          ({ bpm, after }) =>
            window.__pulsekitHeartRateTexts.find(
              ([at, text]) => at >= after && new RegExp(`(^|\\D)${bpm}(\\D|$)`).test(text),
            )?.[0],
          { bpm, after: sent - 50 },
        ),
      10_000,
    );
    latencies.push(shown - sent);
  }
  await runFromPalette(page, "Pulsoid: Toggle Heart Rate in Status Bar");
  return latencies;
}

/** polls the emulator's request log until a matching request shows; resolves to when it was seen */
async function firstRequest(emulatorUrl, method, path, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const requests = await hook(emulatorUrl, "GET", "/requests");
    if (requests.some((r) => r.method === method && r.path === path)) return performance.now();
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  throw new Error(`${method} ${path} never reached the emulator`);
}

for (const file of [vsix, activationBundle, commandsBundle]) statSync(file); // run `pnpm --filter pulsekit-vscode build` first
const inBundle = JSON.parse(readFileSync(join(root, "dist", "meta.json"), "utf8")).outputs[ACTIVATION_BUNDLE].inputs;
const atActivation = [
  [
    `code loaded at activation (${ACTIVATION_BUNDLE}, ${Object.keys(inBundle).length} modules)`,
    kb(statSync(activationBundle).size),
  ],
  ["  its evaluation by Node, stub vscode", spread(evaluationTimes(activationBundle))],
  [`code loaded by the first command (${COMMANDS_BUNDLE})`, kb(statSync(commandsBundle).size)],
  ["  its evaluation by Node, stub vscode", spread(evaluationTimes(commandsBundle))],
];
const emulator = await startEmulator({ port: 0 });
const token = await hook(emulator.url, "POST", "/tokens", {
  scopes: ["widgets:read", "widgets:update", "data:heart_rate:read"],
});
await hook(emulator.url, "POST", "/widgets", {
  widgets: [{ name: "Bench", meta_id: "bf6bdf21-10a7-4a28-97ec-a239e6c77f8b", configuration: {} }],
});
const server = await startCodeServer({
  keepHome: true,
  settings: { "pulsekit.apiBaseUrl": emulator.url },
  beforeStart: (dirs) => installVsix(vsix, dirs.extensions),
});
const browser = await launchBrowser();
try {
  const page = await openWorkbench(browser, server);
  await setTokenThroughPalette(page, token.token);
  const shownByVsCode = [await runningExtensionsFigure(page)];
  const timings = [];
  for (let run = 0; run < RUNS; run++) {
    await hook(emulator.url, "DELETE", "/requests");
    let pressed = 0;
    await runFromPalette(page, "Pulsoid: Show Widgets", () => {
      pressed = performance.now();
    });
    timings.push((await firstRequest(emulator.url, "GET", "/api/v1/widgets")) - pressed);
    await page.locator(".quick-input-widget", { hasText: "Bench" }).first().waitFor({ state: "visible" });
    await page.keyboard.press("Escape");
  }
  // cold: a reloaded window starts a new extension host, so the command also activates the extension
  const cold = [];
  for (let run = 0; run < COLD_RUNS; run++) {
    await page.reload();
    await page.locator(".monaco-workbench").waitFor({ state: "visible", timeout: 60_000 });
    await hook(emulator.url, "DELETE", "/requests");
    let pressed = 0;
    await runFromPalette(page, "Pulsoid: Show Widgets", () => {
      pressed = performance.now();
    });
    cold.push((await firstRequest(emulator.url, "GET", "/api/v1/widgets")) - pressed);
    await page.keyboard.press("Escape");
    shownByVsCode.push(await runningExtensionsFigure(page));
  }
  const heartRate = await statusBarLatencies(page, emulator.url);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const figures = activationFigures(server.dirs.userData);
  const found = (values, text) => (values.length > 0 ? text(values) : "not found");
  const rows = [
    [".vsix size", kb(statSync(vsix).size)],
    ...atActivation,
    [
      "VS Code's activation time (Running Extensions: code loading + activate call)",
      found(
        shownByVsCode.filter((value) => value !== undefined),
        spread,
      ),
    ],
    [
      "VS Code host log: start of activating to the 'activated' line (+ output channel set-up)",
      found(figures.fromHost, spread),
    ],
    ["the extension's own figure: bundle evaluation to the end of activate", found(figures.own, spread)],
    ["  evaluating the bundle", found(figures.evaluating, spread)],
    ["  waiting for VS Code to call activate (the extension's context)", found(figures.waiting, spread)],
    ["  activate", found(figures.activating, spread)],
    ["first command: loading the commands bundle", found(figures.commandsLoaded, spread)],
    [
      `palette Enter to request at the emulator (Show Widgets, median of ${RUNS})`,
      `${median(timings).toFixed(0)} ms (min ${Math.min(...timings).toFixed(0)}, max ${Math.max(...timings).toFixed(0)})`,
    ],
    [
      `same, first command after a window reload (activation included, median of ${COLD_RUNS})`,
      `${median(cold).toFixed(0)} ms (min ${Math.min(...cold).toFixed(0)}, max ${Math.max(...cold).toFixed(0)})`,
    ],
    [
      `heart-rate reading sent by the emulator to the status bar text on screen (${heartRate.length} readings)`,
      `median ${ms(quantile(heartRate, 0.5))}, p95 ${ms(quantile(heartRate, 0.95))} (min ${Math.min(...heartRate).toFixed(1)}, max ${Math.max(...heartRate).toFixed(1)})`,
    ],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  for (const [name, value] of rows) process.stdout.write(`${name.padEnd(width)}  ${value}\n`);
} finally {
  await browser.close().catch(() => undefined);
  await server.close();
  rmSync(server.dirs.home, { recursive: true, force: true });
  await emulator.close();
}

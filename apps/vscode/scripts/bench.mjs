#!/usr/bin/env node
// prints the figures of the extension: .vsix and bundle size, activation time inside code-server, and the
// time from running a command in the palette to its request reaching the emulator (median of several runs)
import { readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startEmulator } from "@pulsekit/emulator";
import { installVsix, launchBrowser, startCodeServer } from "../test/host/code-server.mjs";
import { filesUnder, hook, openWorkbench, runFromPalette, setTokenThroughPalette } from "../test/host/workbench.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const vsix = join(root, "pulsekit-vscode.vsix");
const bundle = join(root, "dist", "extension.cjs");
const RUNS = 7;
const COLD_RUNS = 3;

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

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

for (const file of [vsix, bundle]) statSync(file); // run `pnpm --filter pulsekit-vscode build` first
const emulator = await startEmulator({ port: 0 });
const token = await hook(emulator.url, "POST", "/tokens", { scopes: ["widgets:read", "widgets:update"] });
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
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const log = filesUnder(server.dirs.userData)
    .filter((file) => file.endsWith("Pulsoid.log"))
    .map((file) => readFileSync(file, "utf8"))
    .join("\n");
  const activations = [...log.matchAll(/PulseKit activated in ([\d.]+) ms \(loading the bundle ([\d.]+) ms\)/g)];
  const activation =
    activations.length > 0
      ? `median ${median(activations.map((m) => Number(m[1])))} ms over ${activations.length} activations (loading the bundle: median ${median(activations.map((m) => Number(m[2])))} ms)`
      : undefined;
  const rows = [
    [".vsix size", kb(statSync(vsix).size)],
    ["bundle size (dist/extension.cjs)", kb(statSync(bundle).size)],
    ["activation time in code-server (bundle load + activate)", activation ?? "not found in the log"],
    [
      `palette Enter to request at the emulator (Show Widgets, median of ${RUNS})`,
      `${median(timings).toFixed(0)} ms (min ${Math.min(...timings).toFixed(0)}, max ${Math.max(...timings).toFixed(0)})`,
    ],
    [
      `same, first command after a window reload (activation included, median of ${COLD_RUNS})`,
      `${median(cold).toFixed(0)} ms (min ${Math.min(...cold).toFixed(0)}, max ${Math.max(...cold).toFixed(0)})`,
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

#!/usr/bin/env node
// `test:host`: the extension in real VS Code (code-server). Starts the emulator, runs the mocha suite
// inside the extension host, then the packaged .vsix through the real UI; prints each test, writes
// {"passed":N,"failed":M} to PULSEKIT_RESULTS_FILE and exits non-zero when any failed
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runEndToEnd } from "./e2e.mjs";
import { runInHostSuite } from "./in-host.mjs";

const extensionDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const resultsDir = join(extensionDir, ".test-results");
const scratch = mkdtempSync(join(tmpdir(), "pulsekit-host-"));
const outcomes = [];

function record(title, state, error) {
  outcomes.push({ title, state, error });
  const mark = state === "passed" ? "ok  " : "FAIL";
  process.stdout.write(`${mark} ${title}\n`);
  if (error) process.stdout.write(`     ${String(error).split("\n").slice(0, 80).join("\n     ")}\n`);
}

function ensureBuilt() {
  const needed = ["dist/extension.cjs", "dist/commands.cjs", "dist/test/suite/index.cjs", "pulsekit-vscode.vsix"];
  if (needed.every((file) => existsSync(join(extensionDir, file)))) return;
  process.stderr.write("building the extension first\n");
  const result = spawnSync("npm", ["run", "build"], { cwd: extensionDir, stdio: "inherit" });
  if (result.status !== 0) throw new Error("the extension build failed");
}

async function main() {
  ensureBuilt();
  mkdirSync(resultsDir, { recursive: true });
  const { startHostEmulator } = await import("./emulator.mjs");
  const emulator = await startHostEmulator();
  try {
    const env = { PULSEKIT_EMULATOR_URL: emulator.url };
    const settings = {
      "pulsekit.apiBaseUrl": emulator.url,
      "pulsekit.oauthBaseUrl": emulator.url,
      "pulsekit.oauthClientId": "pulsekit-vscode-tests",
    };
    const only = process.env.PULSEKIT_HOST_ONLY; // "suite" or "ui", to iterate on one part
    if (only !== "ui") await suite(env, settings);
    if (only !== "suite") {
      const ui = await runEndToEnd({
        vsix: join(extensionDir, "pulsekit-vscode.vsix"),
        emulatorUrl: emulator.url,
        screenshotDir: resultsDir,
      });
      for (const outcome of ui) record(outcome.title, outcome.state, outcome.error);
    }
  } finally {
    await emulator.close();
  }
}

async function suite(env, settings) {
  const resultsFile = join(scratch, "in-host.json");
  const run = await runInHostSuite({ extensionDir, env, settings, resultsFile });
  for (const result of run.results) record(`in host: ${result.title}`, result.state, result.error);
  if (run.timedOut) record("in host: the suite finished in time", "failed", "no exit from the extension host");
  else if (run.results.length === 0)
    record(
      "in host: the suite ran",
      "failed",
      `exit code ${run.exitCode}\n${run.hostErrors.join("\n")}\n${run.serverLog.slice(-2000)}`,
    );
  else if (run.exitCode !== 0 && run.results.every((r) => r.state === "passed"))
    record("in host: the suite exited cleanly", "failed", `exit code ${run.exitCode}`);
}

let crashed;
try {
  await main();
} catch (error) {
  crashed = error;
  // a tool this machine can't provide is said in one line; anything else keeps its stack
  record(
    "real-host harness",
    "failed",
    error?.name === "MissingPrerequisiteError" ? error.message : (error?.stack ?? error),
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
const passed = outcomes.filter((o) => o.state === "passed").length;
const failed = outcomes.length - passed;
if (process.env.PULSEKIT_RESULTS_FILE)
  writeFileSync(process.env.PULSEKIT_RESULTS_FILE, JSON.stringify({ passed, failed }));
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed > 0 || passed === 0 || crashed ? 1 : 0);

#!/usr/bin/env node
// `npm run demo`: pinned pnpm, install, build only what the CLI needs, start the emulator inside this
// process, create a widget from the default preset through the built `pulsekit`, print it and its OBS
// browser-source URL, then a few seconds of live readings from the emulator's workout pattern through
// `pulsekit heart-rate --watch`, stop the emulator. With PULSOID_TOKEN set, the widget is created on Pulsoid
// itself and the latest reading is shown when the token may read it. With OBS_WEBSOCKET_URL set (and
// OBS_WEBSOCKET_PASSWORD when OBS has one), the widget is also placed in OBS's scene on air through
// `pulsekit obs add`; an OBS failure is shown and the demo goes on.
// `--no-setup` skips install and build (for a quick repeat once everything is built)
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ensurePnpm, installWorkspace, pnpm, root, toolEnv } from "./pnpm.mjs";

const cliBin = join(root, "apps", "cli", "dist", "bin.js");
const emulatorEntry = join(root, "packages", "emulator", "dist", "index.js");
const demoScopes = ["widgets:read", "widgets:update", "data:heart_rate:read"];
// the live part: readings this often, until this many arrived or this long passed
const READING_INTERVAL_MS = 300;
const WATCH_READINGS = 8;
const WATCH_MAX_MS = 5000;

function say(text) {
  process.stderr.write(`demo: ${text}\n`);
}

function setUp() {
  const started = Date.now();
  ensurePnpm();
  say("installing the workspace from the lockfile (a second run reuses it)");
  installWorkspace();
  say("building the CLI and the packages it needs");
  pnpm(["exec", "turbo", "run", "build", "--filter=@pulsekit/cli...", "--output-logs=errors-only"]);
  say(`set up in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** starts the built CLI with the token in its environment (never in argv) */
function startCli(args, env, stdio) {
  return spawn(process.execPath, [cliBin, ...args], { cwd: root, env: toolEnv(env), stdio });
}

/** resolves to a child's exit code (1 when a signal ended it) */
function exitCode(child) {
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** runs the built CLI to its end, its output shown as it comes; resolves to its exit code */
function runCli(args, env) {
  return exitCode(startCli(args, env, ["ignore", "inherit", "inherit"]));
}

/** runs the built CLI to its end, its stdout shown as it comes and kept; resolves to its exit code and stdout */
async function runCliKeepingOutput(args, env) {
  const child = startCli(args, env, ["ignore", "pipe", "inherit"]);
  let stdout = "";
  child.stdout.setEncoding("utf8").on("data", (chunk) => {
    stdout += chunk;
    process.stdout.write(chunk);
  });
  return { code: await exitCode(child), stdout };
}

/**
 * with OBS_WEBSOCKET_URL set: `pulsekit obs add` puts the widget into OBS's scene on air. OBS is optional here,
 * so a failure is shown (pulsekit says what to do) and never fails the demo
 */
async function placeInObs(widgetId, env) {
  const { OBS_WEBSOCKET_URL } = process.env;
  if (!OBS_WEBSOCKET_URL?.trim()) {
    say("set OBS_WEBSOCKET_URL (and OBS_WEBSOCKET_PASSWORD if OBS has one) to have the demo place the widget in OBS");
    return;
  }
  if (!widgetId) {
    say("could not read the widget's id from pulsekit's output, so it is not placed in OBS");
    return;
  }
  say(`OBS_WEBSOCKET_URL is set: pulsekit obs add ${widgetId} (into the scene on air)`);
  const code = await runCli(["obs", "add", widgetId], env);
  if (code !== 0) say(`placing the widget in OBS did not work (exit ${code}, the reason is above); the demo goes on`);
}

/**
 * `pulsekit heart-rate --watch` on the emulator's workout pattern until a few readings arrived, then Ctrl-C
 * (SIGINT), which it answers with 130: that is the expected end
 */
async function watchHeartRate(emulator, env) {
  say(`pulsekit heart-rate --watch (the emulator's workout pattern, a reading every ${READING_INTERVAL_MS} ms)`);
  const child = startCli(["heart-rate", "--watch"], env, ["ignore", "pipe", "inherit"]);
  const ended = exitCode(child);
  let readings = 0;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    child.kill("SIGINT");
  };
  const deadline = setTimeout(stop, WATCH_MAX_MS);
  child.stdout.setEncoding("utf8").on("data", (chunk) => {
    process.stdout.write(chunk);
    readings += chunk.split("\n").length - 1;
    if (readings >= WATCH_READINGS) stop();
  });
  // the pattern's readings go to whoever is connected: start it once the watch holds its connection
  while (emulator.realTimeConnections() === 0 && !stopped && child.exitCode === null) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  emulator.playHeartRatePattern("workout", READING_INTERVAL_MS);
  const code = await ended;
  clearTimeout(deadline);
  emulator.playHeartRatePattern("off");
  if (code !== 130) return code || 1;
  if (readings === 0) {
    say("no reading arrived from the emulator");
    return 1;
  }
  return 0;
}

/** with a token of the user's own: the latest reading, only when the token may read it and there is one */
async function showLatestReading(env) {
  const child = startCli(["heart-rate"], env, ["ignore", "pipe", "ignore"]);
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk) => {
    output += chunk;
  });
  if ((await exitCode(child)) === 0) process.stdout.write(`Heart rate: ${output}`);
}

async function main() {
  if (!process.argv.includes("--no-setup")) setUp();
  for (const file of [cliBin, emulatorEntry]) {
    if (!existsSync(file)) throw new Error(`${file} is missing; run \`npm run demo\` without --no-setup to build it`);
  }

  // read at run time only, never by a build: nothing for turbo to track
  const { PULSOID_TOKEN, PULSOID_API_URL } = process.env;
  const realToken = PULSOID_TOKEN?.trim();
  let emulator;
  let env;
  if (realToken) {
    say(`PULSOID_TOKEN is set: creating the widget on ${PULSOID_API_URL || "Pulsoid (dev.pulsoid.net)"}`);
    env = { PULSOID_TOKEN: realToken };
  } else {
    // imported only now: it exists once the build above has run
    const { startEmulator } = await import(pathToFileURL(emulatorEntry).href);
    emulator = await startEmulator({ port: 0 });
    say(`started the local Pulsoid emulator at ${emulator.url} (set PULSOID_TOKEN to use Pulsoid itself)`);
    env = { PULSOID_API_URL: emulator.url, PULSOID_TOKEN: emulator.seedToken({ scopes: demoScopes }) };
  }

  const stop = () => emulator?.close();
  process.once("SIGINT", () => stop()?.finally(() => process.exit(130)) ?? process.exit(130));
  try {
    say("pulsekit widgets create --name 'PulseKit demo' (default preset)");
    const created = await runCliKeepingOutput(["widgets", "create", "--name", "PulseKit demo"], env);
    if (created.code !== 0) return created.code;
    await placeInObs(created.stdout.match(/^ID:\s+(\S+)$/m)?.[1], env);
    if (!emulator) {
      await showLatestReading(env);
      return 0;
    }
    const watched = await watchHeartRate(emulator, env);
    if (watched === 0) say("done; the widget and the readings lived on the emulator, which stops now");
    return watched;
  } finally {
    await stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`demo: ${error.message}\n`);
    process.exit(error.exitCode ?? 1);
  },
);

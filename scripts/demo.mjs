#!/usr/bin/env node
// `npm run demo`: pinned pnpm, install, build only what the CLI needs, start the emulator inside this
// process, create a widget from the default preset through the built `pulsekit`, print it and its OBS
// browser-source URL, stop the emulator. With PULSOID_TOKEN set, the widget is created on Pulsoid itself.
// `--no-setup` skips install and build (for a quick repeat once everything is built)
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ensurePnpm, installWorkspace, pnpm, root, toolEnv } from "./pnpm.mjs";

const cliBin = join(root, "apps", "cli", "dist", "bin.js");
const emulatorEntry = join(root, "packages", "emulator", "dist", "index.js");
const widgetScopes = ["widgets:read", "widgets:update"];

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

/** runs the built CLI with the token in its environment (never in argv); resolves to its exit code */
function runCli(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliBin, ...args], {
      cwd: root,
      env: toolEnv(env),
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
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
    env = { PULSOID_API_URL: emulator.url, PULSOID_TOKEN: emulator.seedToken({ scopes: widgetScopes }) };
  }

  const stop = () => emulator?.close();
  process.once("SIGINT", () => stop()?.finally(() => process.exit(130)) ?? process.exit(130));
  try {
    say("pulsekit widgets create --name 'PulseKit demo' (default preset)");
    const code = await runCli(["widgets", "create", "--name", "PulseKit demo"], env);
    if (code === 0 && emulator) say("done; the widget lived on the emulator, which stops now");
    return code;
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

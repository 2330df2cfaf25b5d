#!/usr/bin/env node
// makes sure Debian's chromium is installed for the browser tests; returns its path.
// installs it with apt-get when missing (the machine reaches Debian's packages, nothing else)
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const CHROMIUM_PATH = "/usr/bin/chromium";

/** flags that keep headless chromium off the (closed) network */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function apt(args) {
  const asRoot = process.getuid?.() === 0;
  const command = asRoot ? "apt-get" : "sudo";
  const fullArgs = asRoot ? args : ["-n", "apt-get", ...args];
  const result = spawnSync(command, fullArgs, {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (result.status !== 0) throw new Error(`apt-get ${args.join(" ")} failed (exit ${result.status})`);
}

/** installs chromium once (a lock folder keeps parallel test files from racing); returns the executable path */
export function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  const lock = join(tmpdir(), "pulsekit-chromium-install.lock");
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
      sleep(1000);
    }
  }
  try {
    if (!existsSync(CHROMIUM_PATH)) {
      process.stderr.write("installing Debian's chromium for the browser tests\n");
      apt(["update", "-qq"]);
      apt(["install", "-y", "-qq", "--no-install-recommends", "chromium"]);
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  execFileSync(CHROMIUM_PATH, ["--version"], { stdio: "ignore" });
  return CHROMIUM_PATH;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(`${ensureChromium()}\n`);
}

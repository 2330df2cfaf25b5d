#!/usr/bin/env node
// makes sure Debian's chromium is installed for the browser tests; returns its path.
// installs it with apt-get when missing (the machine reaches Debian's packages, nothing else)
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ensureDebianPackages } from "./system-packages.mjs";

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

/** installs chromium once; returns the executable path */
export function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  ensureDebianPackages(["chromium"]);
  execFileSync(CHROMIUM_PATH, ["--version"], { stdio: "ignore" });
  return CHROMIUM_PATH;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(`${ensureChromium()}\n`);
}

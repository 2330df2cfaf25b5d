#!/usr/bin/env node
// Debian packages the tests need (chromium for the browser tests, libkrb5-dev to build code-server's
// kerberos addon), installed with apt-get as root or through passwordless sudo. where the machine can't,
// the error is one line that names the missing piece and what to do; nothing here waits for a password
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cleanInstallEnv } from "./clean-env.mjs";

/** what the tests install with apt-get, and why */
export const TEST_PACKAGES = {
  chromium: "the browser tests (VS Code in code-server, the Stream Deck inspector)",
  "libkrb5-dev": "building code-server's kerberos addon",
};

/** a machine that can't provide a tool the tests need; its message is the whole story, in one line */
export class MissingPrerequisiteError extends Error {
  name = "MissingPrerequisiteError";
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** true when dpkg lists the package as installed */
export function isInstalled(name) {
  const result = spawnSync("dpkg", ["-s", name], { encoding: "utf8" });
  return result.status === 0 && result.stdout.includes("Status: install ok installed");
}

function hasCommand(name) {
  return spawnSync("/bin/sh", ["-c", `command -v ${name}`], { stdio: "ignore" }).status === 0;
}

/** how apt-get can run here as root: directly, through `sudo -n`, or a one-line reason why not */
function aptRunner(missing) {
  const list = missing.join(" ");
  const why = missing.map((name) => TEST_PACKAGES[name]).filter(Boolean);
  const needed = `the tests need Debian's ${missing.join(" and ")}${why.length > 0 ? ` (${why.join("; ")})` : ""}`;
  if (!hasCommand("apt-get")) {
    return {
      reason: `${needed}, and this machine has no apt-get: install ${list} with its package manager, then run the tests again`,
    };
  }
  if (process.getuid?.() === 0) return { command: "apt-get", prefix: [] };
  if (!hasCommand("sudo")) {
    return {
      reason: `${needed}; installing needs root and there is no sudo: run "apt-get install ${list}" as root, then the tests again`,
    };
  }
  if (spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status !== 0) {
    return {
      reason: `${needed}; installing needs root and sudo asks for a password: run "sudo apt-get install ${list}", then the tests again`,
    };
  }
  return { command: "sudo", prefix: ["-n", "apt-get"] };
}

/**
 * installs the Debian packages that are missing (one apt-get for all of them, under a lock so parallel
 * test files don't race); throws MissingPrerequisiteError when this machine can't
 */
export function ensureDebianPackages(names) {
  const missing = () => names.filter((name) => !isInstalled(name));
  if (missing().length === 0) return;
  const lock = join(tmpdir(), "pulsekit-apt.lock");
  for (let waited = 0; ; waited += 1) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (missing().length === 0) return;
      if (waited > 600) throw new MissingPrerequisiteError(`another install holds ${lock}; remove it if none runs`);
      sleep(1000);
    }
  }
  try {
    const wanted = missing();
    if (wanted.length === 0) return;
    const runner = aptRunner(wanted);
    if (runner.reason) throw new MissingPrerequisiteError(runner.reason);
    process.stderr.write(`installing Debian's ${wanted.join(", ")} with apt-get\n`);
    const apt = (args) => {
      const result = spawnSync(runner.command, [...runner.prefix, ...args], {
        stdio: ["ignore", "inherit", "inherit"],
        env: cleanInstallEnv({ DEBIAN_FRONTEND: "noninteractive" }),
      });
      if (result.status !== 0) {
        throw new MissingPrerequisiteError(
          `apt-get ${args[0]} failed (exit ${result.status ?? result.signal}) while installing ${wanted.join(", ")}: run "apt-get install ${wanted.join(" ")}" as root, then the tests again`,
        );
      }
    };
    apt(["update", "-qq"]);
    apt(["install", "-y", "-qq", "--no-install-recommends", ...wanted]);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    ensureDebianPackages(process.argv.length > 2 ? process.argv.slice(2) : Object.keys(TEST_PACKAGES));
  } catch (error) {
    if (!(error instanceof MissingPrerequisiteError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

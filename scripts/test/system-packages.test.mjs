import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const script = fileURLToPath(new URL("../system-packages.mjs", import.meta.url));
const missingPackage = "pulsekit-test-no-such-package";
const dirs = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** a PATH folder holding only the named commands (real ones, or a shell script given as text) */
function binDir(commands) {
  const dir = mkdtempSync(join(tmpdir(), "pulsekit-bin-"));
  chmodSync(dir, 0o755);
  dirs.push(dir);
  for (const [name, target] of Object.entries(commands)) {
    if (target.startsWith("/")) symlinkSync(target, join(dir, name));
    else {
      writeFileSync(join(dir, name), `#!/bin/sh\n${target}\n`);
      chmodSync(join(dir, name), 0o755);
    }
  }
  return dir;
}

const which = (name) => spawnSync("/bin/sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).stdout.trim();

/** runs the script for a package this machine lacks, as a user who is not root, with only these commands */
function ensureAsUser(commands) {
  const path = binDir({ node: process.execPath, dpkg: which("dpkg"), sh: "/bin/sh", ...commands });
  const asRoot = process.getuid?.() === 0;
  const command = asRoot ? which("runuser") : process.execPath;
  const args = asRoot
    ? ["-u", "nobody", "--", "/usr/bin/env", `PATH=${path}`, "node", script, missingPackage]
    : [script, missingPackage];
  return spawnSync(command, args, { encoding: "utf8", env: { PATH: path }, timeout: 30_000 });
}

describe("Debian packages the tests need", () => {
  it("says in one line that root is needed when the user has no sudo", () => {
    const run = ensureAsUser({ "apt-get": "exit 0" });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([
      expect.stringContaining(
        `installing needs root and there is no sudo: run "apt-get install ${missingPackage}" as root`,
      ),
    ]);
  });

  it("says in one line that sudo wants a password, and never waits for one", () => {
    const run = ensureAsUser({ "apt-get": "exit 0", sudo: 'echo "sudo: a password is required" >&2; exit 1' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([
      expect.stringContaining(`sudo asks for a password: run "sudo apt-get install ${missingPackage}"`),
    ]);
  });

  it("says in one line when the machine has no apt-get", () => {
    const run = ensureAsUser({});
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([
      expect.stringContaining(`this machine has no apt-get: install ${missingPackage} with its package manager`),
    ]);
  });

  it("does nothing when every package is there", () => {
    const run = spawnSync(process.execPath, [script, "dpkg"], { encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
  });
});

import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const cliFolder = resolve(fileURLToPath(new URL(".", import.meta.url)), "..");
const repoRoot = resolve(cliFolder, "../..");
let prefix = "";

afterEach(() => {
  if (prefix) rmSync(prefix, { recursive: true, force: true });
});

/** runs a command with npm's global folder in a temp prefix, so the user's own global packages are untouched */
function withPrefix(command: string, args: string[]) {
  const bin = process.platform === "win32" ? prefix : join(prefix, "bin");
  return spawnSync(command, args, {
    cwd: repoRoot,
    encoding: "utf8",
    shell: process.platform === "win32",
    env: {
      PATH: `${bin}${delimiter}${process.env.PATH ?? ""}`,
      HOME: prefix,
      npm_config_prefix: prefix,
      npm_config_cache: join(prefix, "npm-cache"),
      npm_config_update_notifier: "false",
      npm_config_fund: "false",
      npm_config_audit: "false",
    },
  });
}

describe("the README's install command", () => {
  it("puts a working pulsekit on the PATH with `npm install -g ./apps/cli`, and takes it off again", () => {
    prefix = mkdtempSync(join(tmpdir(), "pulsekit-install-"));
    const install = withPrefix("npm", ["install", "-g", "./apps/cli"]);
    expect(install.status, install.stderr).toBe(0);
    const version = withPrefix("pulsekit", ["--version"]);
    expect(version.status, version.stderr).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const presets = withPrefix("pulsekit", ["presets"]);
    expect(presets.stdout).toMatch(/^classic \(default\)/m);
    const uninstall = withPrefix("npm", ["uninstall", "-g", "@pulsekit/cli"]);
    expect(uninstall.status, uninstall.stderr).toBe(0);
    expect(existsSync(join(prefix, "bin", "pulsekit"))).toBe(false);
  });
});

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanInstallEnv } from "../clean-env.mjs";

const root = join(import.meta.dirname, "..", "..");
const readme = readFileSync(join(root, "README.md"), "utf8");
const prefix = mkdtempSync(join(tmpdir(), "pulsekit-install-"));
afterAll(() => rmSync(prefix, { recursive: true, force: true }));

describe("the root README's install steps, followed as a user would", () => {
  it("puts pulsekit on the PATH with the command the README gives", () => {
    const command = /`(npm install -g \.\/apps\/cli)`/.exec(readme)?.[1];
    expect(command, "the README names the CLI's install command").toBeDefined();
    const args = command.split(" ").slice(1);
    // a throwaway global prefix stands in for the user's own
    const env = cleanInstallEnv({ npm_config_prefix: prefix }, process.env);
    execFileSync("npm", args, { cwd: root, env, stdio: "pipe" });
    const bin = join(prefix, process.platform === "win32" ? "pulsekit.cmd" : join("bin", "pulsekit"));
    const version = JSON.parse(readFileSync(join(root, "apps", "cli", "package.json"), "utf8")).version;
    expect(execFileSync(bin, ["--version"], { encoding: "utf8" }).trim()).toBe(version);
    expect(execFileSync(bin, ["presets"], { encoding: "utf8" })).toMatch(/^classic \(default\)\s+Classic heart/m);
  });

  it("names the artifacts the build really makes", () => {
    for (const artifact of [
      "apps/vscode/pulsekit-vscode.vsix",
      "apps/streamdeck/dist/dev.pulsekit.widgets.streamDeckPlugin",
    ]) {
      expect(readme).toContain(artifact);
      expect(() => readFileSync(join(root, artifact)), `${artifact} exists after the build`).not.toThrow();
    }
  });
});

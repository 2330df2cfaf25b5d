import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const tools = pathToFileURL(fileURLToPath(new URL("../host/tools.mjs", import.meta.url))).href;
const pnpmScript = fileURLToPath(new URL("../../../../scripts/pnpm.mjs", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "pulsekit-nested-install-"));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** a package whose postinstall records what it saw and refuses a non-npm installer, as code-server's does */
function packedProbe(): string {
  const dir = join(scratch, "probe");
  mkdirSync(dir);
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({ name: "pulsekit-install-probe", version: "1.0.0", scripts: { postinstall: "node seen.cjs" } }),
  );
  writeFileSync(
    join(dir, "seen.cjs"),
    `require("node:fs").writeFileSync(process.env.PULSEKIT_PROBE_OUT, JSON.stringify(process.env));
if (!/^npm\\//.test(process.env.npm_config_user_agent ?? "")) {
  console.error("Could not determine which package manager is being used: " + process.env.npm_config_user_agent);
  process.exit(1);
}`,
  );
  const packed = spawnSync("npm", ["pack", "--silent", "--pack-destination", scratch], { cwd: dir, encoding: "utf8" });
  expect(packed.status, packed.stderr).toBe(0);
  return join(scratch, packed.stdout.trim());
}

describe("the real-host tools install", () => {
  it("gives a nested npm install a clean environment when it runs inside `pnpm run`", () => {
    const tarball = packedProbe();
    const seenFile = join(scratch, "seen.json");
    const runner = join(scratch, "runner");
    mkdirSync(runner);
    writeFileSync(
      join(runner, "package.json"),
      JSON.stringify({ name: "runner", private: true, scripts: { "install-tools": "node install.mjs" } }),
    );
    writeFileSync(
      join(runner, "install.mjs"),
      `import { npmInstall } from ${JSON.stringify(tools)};
npmInstall(${JSON.stringify(join(scratch, "prefix"))}, ${JSON.stringify(tarball)});`,
    );

    const run = spawnSync(process.execPath, [pnpmScript, "--dir", runner, "run", "install-tools"], {
      encoding: "utf8",
      env: { ...process.env, PULSEKIT_PROBE_OUT: seenFile, npm_config_pulsekit_outer: "set by the runner" },
    });

    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    const seen = JSON.parse(readFileSync(seenFile, "utf8")) as Record<string, string>;
    expect(seen.npm_config_user_agent).toMatch(/^npm\//);
    expect(Object.keys(seen).filter((name) => /^pnpm_/i.test(name))).toEqual([]);
    expect(seen).not.toHaveProperty("npm_config_pulsekit_outer");
    expect(seen.npm_lifecycle_event).toBe("postinstall");
  });
});

import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { isBuiltin } from "node:module";
import { tmpdir } from "node:os";
import { delimiter, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { emulatorHooks } from "@pulsekit/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const cliFolder = resolve(fileURLToPath(new URL(".", import.meta.url)), "..");
const repoRoot = resolve(cliFolder, "../..");
const { version } = JSON.parse(readFileSync(join(cliFolder, "package.json"), "utf8")) as { version: string };

// everything lives in one temp folder outside the repository: the tarball, an empty project folder to run
// npm in, the global prefix it installs to and the HOME the installed command sees
const work = mkdtempSync(join(tmpdir(), "pulsekit-packed-"));
const prefix = join(work, "prefix");
const elsewhere = join(work, "elsewhere");
const bin = join(prefix, process.platform === "win32" ? "pulsekit.cmd" : join("bin", "pulsekit"));
let tarball = "";
let emulator: ReturnType<typeof spawn> | undefined;

/** npm and the installed pulsekit, with no workspace, no registry and no inherited npm or token settings */
function isolated(extra: Record<string, string> = {}) {
  return {
    PATH: `${join(prefix, "bin")}${delimiter}${process.env.PATH ?? ""}`,
    HOME: join(work, "home"),
    XDG_CONFIG_HOME: join(work, "home", "config"),
    npm_config_prefix: prefix,
    npm_config_cache: join(work, "npm-cache"),
    // nothing may come from the registry: the tarball has to carry all it needs
    npm_config_offline: "true",
    npm_config_update_notifier: "false",
    npm_config_fund: "false",
    npm_config_audit: "false",
    ...extra,
  };
}

function pulsekit(args: string[], extra: Record<string, string> = {}) {
  return spawnSync(bin, args, { cwd: elsewhere, encoding: "utf8", env: isolated(extra), timeout: 30_000 });
}

beforeAll(() => {
  mkdirSync(elsewhere, { recursive: true });
  const packDir = join(work, "pack");
  execFileSync(
    process.execPath,
    [join(repoRoot, "scripts", "pnpm.mjs"), "--filter", "@pulsekit/cli", "pack", "--pack-destination", packDir],
    { cwd: repoRoot, stdio: "pipe" },
  );
  const name = readdirSync(packDir).find((file) => file.endsWith(".tgz"));
  if (!name) throw new Error("pnpm pack wrote no tarball");
  tarball = join(packDir, name);
}, 120_000);

afterAll(() => {
  emulator?.kill();
  rmSync(work, { recursive: true, force: true });
});

describe("the packed @pulsekit/cli, installed with no workspace around it", () => {
  it("ships the bundle, its licences, README, CHANGELOG and package.json, and depends on nothing", () => {
    const listed = execFileSync("tar", ["tzf", tarball], { encoding: "utf8" }).trim().split("\n");
    const files = listed.map((entry) => entry.replace(/^package\//, ""));
    expect(files).toEqual(expect.arrayContaining(["package.json", "README.md", "LICENSE", "dist/bin.js"]));
    expect(files).toContain("dist/THIRD-PARTY-NOTICES.txt");
    expect(files).toContain("CHANGELOG.md");
    const unexpected = files.filter(
      (file) =>
        !["package.json", "README.md", "LICENSE", "CHANGELOG.md", "dist/THIRD-PARTY-NOTICES.txt"].includes(file) &&
        !/^dist\/[\w-]+\.js$/.test(file),
    );
    expect(unexpected, "sources, tests, maps or build scripts in the tarball").toEqual([]);
    const manifest = JSON.parse(execFileSync("tar", ["xzOf", tarball, "package/package.json"], { encoding: "utf8" }));
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(JSON.stringify(manifest)).not.toContain("workspace:");
  });

  it("leaves only Node's own modules for the runtime to load", () => {
    const meta = JSON.parse(readFileSync(join(cliFolder, "dist", "bundle-meta.json"), "utf8")) as {
      outputs: Record<string, { imports: { path: string; external?: boolean }[] }>;
    };
    const external = Object.values(meta.outputs).flatMap((output) =>
      output.imports.filter((entry) => entry.external).map((entry) => entry.path.replace(/^node:/, "")),
    );
    expect(external.length).toBeGreaterThan(0);
    expect([...new Set(external)].filter((name) => !isBuiltin(name))).toEqual([]);
  });

  it("installs from the tarball alone, offline, and `pulsekit --version` and `pulsekit presets` work", () => {
    const install = spawnSync("npm", ["install", "-g", tarball], {
      cwd: elsewhere,
      encoding: "utf8",
      env: isolated(),
      timeout: 120_000,
    });
    expect(install.status, install.stderr).toBe(0);
    const versionRun = pulsekit(["--version"]);
    expect(versionRun.status, versionRun.stderr).toBe(0);
    expect(versionRun.stdout.trim()).toBe(version);
    const presets = pulsekit(["presets"]);
    expect(presets.status, presets.stderr).toBe(0);
    expect(presets.stdout).toMatch(/^classic \(default\)\s+Classic heart/m);
  }, 120_000);

  it("runs its own emulator and creates a widget against it from the install", async () => {
    emulator = spawn(bin, ["emulator", "--json"], { cwd: elsewhere, env: isolated() });
    let printed = "";
    const started = await new Promise<{ url: string; token: string }>((resolveStart, reject) => {
      emulator?.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
        printed += chunk;
        if (printed.includes("}")) resolveStart(JSON.parse(printed.slice(0, printed.indexOf("}") + 1)));
      });
      emulator?.on("exit", (code) => reject(new Error(`pulsekit emulator exited with ${code}: ${printed}`)));
    });
    const create = pulsekit(["widgets", "create", "--name", "From the tarball", "--preset", "minimal"], {
      PULSOID_API_URL: started.url,
      PULSOID_TOKEN: started.token,
    });
    expect(create.status, create.stderr).toBe(0);
    expect(create.stdout).toContain("From the tarball");
    expect(create.stdout).toMatch(/https:\/\/pulsoid\.net\/widget\/view\/[\w-]+/);
    const requests = (await emulatorHooks(started.url).requests()).map((r) => `${r.method} ${r.path}`);
    expect(requests).toContain("POST /api/v1/widgets");
    const list = pulsekit(["widgets", "list"], { PULSOID_API_URL: started.url, PULSOID_TOKEN: started.token });
    expect(list.stdout).toContain("From the tarball");
  }, 60_000);
});

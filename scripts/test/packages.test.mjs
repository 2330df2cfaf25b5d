import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { afterAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const bin = (name) => join(root, "node_modules", ".bin", name);
const work = mkdtempSync(join(tmpdir(), "pulsekit-pack-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** packs a workspace package as npm would publish it and unpacks it; resolves to the tarball and the folder */
function pack(name, folder) {
  const out = join(work, folder);
  mkdirSync(out, { recursive: true });
  execFileSync(
    process.execPath,
    [join(root, "scripts", "pnpm.mjs"), "--filter", name, "pack", "--pack-destination", out],
    {
      cwd: root,
      stdio: "pipe",
    },
  );
  const tarball = join(
    out,
    readdirSync(out).find((file) => file.endsWith(".tgz")),
  );
  execFileSync("tar", ["xzf", tarball, "-C", out]);
  return { tarball, dir: join(out, "package") };
}

function files(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

describe.each([
  ["@pulsekit/core", "core"],
  ["@pulsekit/emulator", "emulator"],
  ["@pulsekit/obs", "obs"],
])("%s as npm would publish it", (name, folder) => {
  const packed = pack(name, folder);

  it("ships its README, CHANGELOG, LICENCE, package.json and built dist only: no sources, maps, tests or test helpers", () => {
    const shipped = files(packed.dir);
    expect(shipped).toContain("README.md");
    expect(shipped).toContain("package.json");
    expect(shipped).toContain("LICENSE");
    expect(shipped).toContain("CHANGELOG.md");
    expect(
      shipped.filter(
        (file) => !file.startsWith("dist/") && !["README.md", "package.json", "LICENSE", "CHANGELOG.md"].includes(file),
      ),
    ).toEqual([]);
    // the maps point at sources that do not ship
    expect(shipped.filter((file) => file.endsWith(".map"))).toEqual([]);
    expect(shipped.filter((file) => /\.test\.|(^|\/)test\//.test(file))).toEqual([]);
  });

  it("names its licence, repository and home page for the registry's page", () => {
    const manifest = JSON.parse(readFileSync(join(packed.dir, "package.json"), "utf8"));
    expect(manifest.license).toBe("MIT");
    expect(manifest.repository).toMatchObject({ type: "git", directory: expect.stringMatching(/^packages\//) });
    expect(manifest.homepage).toMatch(/^https:\/\//);
    expect(JSON.stringify(manifest)).not.toContain("workspace:");
  });

  it("has exports, types and files publint finds nothing wrong with", async () => {
    const { messages, pkg } = await publint({ pkgDir: packed.dir, pack: false, strict: true });
    expect(messages.map((message) => formatMessage(message, pkg))).toEqual([]);
  });

  it("resolves with types for ESM consumers in Node and bundlers", () => {
    // an ESM-only package: require() from CommonJS and the pre-exports node10 resolution are out of scope
    const report = execFileSync(bin("attw"), [packed.tarball, "--profile", "esm-only", "--format", "json"], {
      encoding: "utf8",
    });
    const problems = JSON.parse(report).analysis.problems ?? [];
    expect(problems.filter((problem) => !["node10", "node16-cjs"].includes(problem.resolutionKind))).toEqual([]);
  });
});

describe("@pulsekit/cli as npm would publish it", () => {
  const packed = pack("@pulsekit/cli", "cli");

  it("has a bin and files publint finds nothing wrong with", async () => {
    const { messages, pkg } = await publint({ pkgDir: packed.dir, pack: false, strict: true });
    expect(messages.map((message) => formatMessage(message, pkg))).toEqual([]);
  });
});

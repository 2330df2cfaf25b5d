import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeThirdPartyNotices } from "../third-party-notices.mjs";

let dir = "";
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "pulsekit-notices-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** a package folder laid out as pnpm does, under dir's node_modules */
function addPackage(name, { version = "1.0.0", license = "MIT", files = { LICENSE: `Copyright ${name}` } } = {}) {
  const folder = join(dir, "node_modules", ".pnpm", `${name.replace("/", "+")}@${version}`, "node_modules", name);
  mkdirSync(join(folder, "lib"), { recursive: true });
  writeFileSync(join(folder, "package.json"), JSON.stringify({ name, version, license }));
  for (const [file, text] of Object.entries(files)) writeFileSync(join(folder, file), text);
  return `node_modules/.pnpm/${name.replace("/", "+")}@${version}/node_modules/${name}/lib/index.js`;
}

const output = (inputs) => ({
  outputs: {
    "dist/out.js": { inputs: Object.fromEntries(inputs.map(([path, bytes]) => [path, { bytesInOutput: bytes }])) },
  },
});

describe("third-party notices from an esbuild metafile", () => {
  it("lists each bundled package once with its version, licence and licence text, sorted by name", () => {
    const zod = addPackage("zod", { version: "4.6.7" });
    const scoped = addPackage("@elgato/streamdeck", { version: "2.1.2", files: { "LICENSE.md": "Elgato text" } });
    const notices = join(dir, "NOTICES.txt");
    writeThirdPartyNotices(
      output([
        [zod, 10],
        [zod.replace("index", "other"), 5],
        [scoped, 3],
        ["src/own.ts", 9],
      ]),
      notices,
      dir,
    );
    const text = readFileSync(notices, "utf8");
    expect(text.match(/^\S+ \d+\.\d+\.\d+ \(MIT\)$/gm)).toEqual(["@elgato/streamdeck 2.1.2 (MIT)", "zod 4.6.7 (MIT)"]);
    expect(text).toContain("Copyright zod");
    expect(text).toContain("Elgato text");
    expect(text).not.toContain("own.ts");
  });

  it("leaves out a package that tree shaking removed from every output", () => {
    const kept = addPackage("kept");
    const shaken = addPackage("shaken");
    const notices = join(dir, "NOTICES.txt");
    writeThirdPartyNotices(
      output([
        [kept, 1],
        [shaken, 0],
      ]),
      notices,
      dir,
    );
    expect(readFileSync(notices, "utf8")).not.toContain("shaken");
  });

  it("fails the build, naming the package, when one has no licence file to ship", () => {
    const bare = addPackage("no-licence-file", { files: {} });
    expect(() => writeThirdPartyNotices(output([[bare, 4]]), join(dir, "NOTICES.txt"), dir)).toThrow(
      "no licence file to ship for: no-licence-file",
    );
  });
});

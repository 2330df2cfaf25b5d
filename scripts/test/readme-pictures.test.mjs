import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { PICTURES } from "../readme-pictures.mjs";

const root = join(import.meta.dirname, "..", "..");
const readmes = [
  "README.md",
  ...["apps", "packages"].flatMap((group) =>
    ["cli", "vscode", "streamdeck", "core", "emulator", "obs"]
      .map((name) => join(group, name, "README.md"))
      .filter((path) => existsSync(join(root, path))),
  ),
];

/** every local picture a README links, as a path from the repository root */
const linked = readmes.flatMap((readme) =>
  [...readFileSync(join(root, readme), "utf8").matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)]
    .map((match) => match[1])
    .filter((link) => !/^https?:/.test(link))
    .map((link) => ({ readme, path: relative(root, join(root, dirname(readme), link)) })),
);

describe("the READMEs' pictures", () => {
  it("are all committed where the READMEs link them", () => {
    expect(linked.length).toBeGreaterThan(5);
    expect(linked.filter(({ path }) => !existsSync(join(root, path)))).toEqual([]);
  });

  it("are all made by npm run pictures, and each one it makes is shown somewhere", () => {
    const made = PICTURES.map(([, target]) => target).sort();
    const shown = [...new Set(linked.map(({ path }) => path).filter((path) => path.endsWith(".png")))];
    expect(shown.filter((path) => !made.includes(path))).toEqual([]);
    expect(made.filter((path) => !shown.includes(path))).toEqual([]);
  });

  it("are small optimised PNGs", () => {
    for (const [, target] of PICTURES) {
      const file = readFileSync(join(root, target));
      expect(file.subarray(1, 4).toString(), target).toBe("PNG");
      // colour type 3: a palette PNG, as sharp writes it after quantising
      expect(file[25], `${target} is a palette PNG (run npm run pictures)`).toBe(3);
      expect(statSync(join(root, target)).size, target).toBeLessThanOrEqual(64 * 1024);
    }
  });
});

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { ACTIVATION_BUNDLE, buildBundles, COMMANDS_BUNDLE } from "../../scripts/bundles.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const LIMIT_BYTES = 25 * 1024;
// a package the commands need and activation must not load, as it appears in esbuild's input paths
const LATE_PACKAGES: Record<string, RegExp> = {
  zod: /node_modules\/zod\//,
  ofetch: /node_modules\/ofetch\//,
  "@pulsekit/core": /packages\/core\/|node_modules\/@pulsekit\/core\//,
  ws: /node_modules\/ws\//,
  "@pulsekit/obs": /packages\/obs\/|node_modules\/@pulsekit\/obs\//,
  "obs-websocket-js": /node_modules\/obs-websocket-js\//,
};

type Output = { bytes: number; inputs: Record<string, unknown>; imports: { path: string; external?: boolean }[] };
let activation: Output;
let commands: Output;

// built in memory from the sources as they are now, with the options build.mjs ships
beforeAll(async () => {
  const built = await buildBundles({ root, write: false });
  activation = built.activation.metafile.outputs[ACTIVATION_BUNDLE] as Output;
  commands = built.commands.metafile.outputs[COMMANDS_BUNDLE] as Output;
}, 60_000);

describe("the code VS Code loads to activate the extension", () => {
  it(`is at most ${LIMIT_BYTES / 1024} KiB`, () => {
    expect(activation.bytes).toBeLessThanOrEqual(LIMIT_BYTES);
  });

  it.each(Object.keys(LATE_PACKAGES))("does not pull in %s; the commands bundle does", (name) => {
    const pattern = LATE_PACKAGES[name] as RegExp;
    expect(Object.keys(activation.inputs).filter((path) => pattern.test(path))).toEqual([]);
    // the same pattern finds it where it belongs, so the check above cannot pass by matching nothing
    expect(Object.keys(commands.inputs).some((path) => pattern.test(path))).toBe(true);
  });

  it("loads the commands bundle next to it instead of containing it", () => {
    expect(activation.imports).toContainEqual(expect.objectContaining({ path: "./commands.cjs", external: true }));
    expect(Object.keys(activation.inputs)).not.toContain("src/commands.ts");
  });

  it("is the extension's main, and both bundles ship in the .vsix", () => {
    const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
    expect(manifest.main).toBe(`./${ACTIVATION_BUNDLE}`);
    // .vscodeignore is a whitelist: a bundle it does not name is left out of the package
    const shipped = readFileSync(new URL("../../.vscodeignore", import.meta.url), "utf8").split("\n");
    expect(shipped).toEqual(expect.arrayContaining([`!${ACTIVATION_BUNDLE}`, `!${COMMANDS_BUNDLE}`]));
  });
});

#!/usr/bin/env node
// bundles the extension into dist/extension.cjs (activation) and dist/commands.cjs (loaded by the first
// command), with esbuild's metafile of both in dist/meta.json; bundles the in-host test suite into
// dist/test/suite/, and writes the widget configuration JSON schema
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { writeThirdPartyNotices } from "../../../scripts/third-party-notices.mjs";
import { buildBundles } from "./bundles.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const production = process.env.PULSEKIT_DEV !== "1";

const { activation, commands } = await buildBundles({ root, production });
// one metafile for both bundles (esbuild's analyzer reads it; the bench lists what activation loads)
const meta = {
  inputs: { ...commands.metafile.inputs, ...activation.metafile.inputs },
  outputs: { ...activation.metafile.outputs, ...commands.metafile.outputs },
};
writeFileSync(join(dist, "meta.json"), `${JSON.stringify(meta)}\n`);
// the licences of the packages both bundles carry, shipped in the .vsix
writeThirdPartyNotices(meta, join(dist, "THIRD-PARTY-NOTICES.txt"), root);

const suiteDir = join(root, "test", "host", "suite");
await esbuild.build({
  absWorkingDir: root,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  logLevel: "warning",
  entryPoints: readdirSync(suiteDir)
    .filter((name) => name.endsWith(".ts"))
    .map((name) => join(suiteDir, name)),
  outdir: "dist/test/suite",
  outExtension: { ".js": ".cjs" },
  // mocha is loaded from node_modules by the host, test files share one copy of it
  external: ["vscode", "mocha"],
  sourcemap: "inline",
});

const { configurationJsonSchema } = await import("@pulsekit/core");
const schema = withEditorHints(configurationJsonSchema());
mkdirSync(dist, { recursive: true });
writeFileSync(join(dist, "widget-configuration.schema.json"), `${JSON.stringify(schema, null, 2)}\n`);

/** core's schema plus the descriptions and messages VS Code shows on hover and on a wrong value */
function withEditorHints(schema) {
  const color = {
    description:
      "A colour as #RRGGBB, or #RRGGBBAA with transparency: red, green, blue (and alpha) in hex, for example #FF3355. #RRGGBB is stored as #RRGGBBFF.",
    patternErrorMessage: "Use #RRGGBB or #RRGGBBAA in hex, for example #FF3355.",
  };
  const hints = {
    heartEnabled: { description: "Show the beating heart next to the number." },
    heartColor: { ...color, description: `Colour of the heart. ${color.description}` },
    ranges: { description: "Heart-rate ranges (bpm, from <= to) that each show the heart in their own colour." },
    font: { description: "Name of the font the number is drawn in." },
  };
  const properties = schema.properties ?? {};
  for (const [key, hint] of Object.entries(hints)) {
    if (properties[key]) Object.assign(properties[key], hint);
  }
  const rangeColor = properties.ranges?.items?.properties?.color;
  if (rangeColor) Object.assign(rangeColor, color);
  return { title: "Pulsoid heart-rate (BPM) widget configuration", ...schema };
}

#!/usr/bin/env node
// bundles the extension into dist/extension.cjs (one CommonJS file, `vscode` left to the host),
// the in-host test suite into dist/test/suite/, and writes the widget configuration JSON schema
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const production = process.env.PULSEKIT_DEV !== "1";

// zod re-exports every message locale through `z.locales`; the extension speaks English only (~250 kB less)
const zodEnglishOnly = {
  name: "zod-english-only",
  setup(build) {
    build.onResolve({ filter: /\/locales\/index\.c?js$/ }, (args) =>
      args.importer.includes("/zod/") ? { path: "zod-locales", namespace: "stub" } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "stub" }, () => ({ contents: "export {};", loader: "js" }));
  },
};

const common = {
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  external: ["vscode"],
  logLevel: "warning",
  absWorkingDir: root,
};

await esbuild.build({
  ...common,
  entryPoints: ["src/extension.ts"],
  // ofetch's plain build uses the host's fetch; its node build bundles a fetch polyfill Node 20 no longer needs
  conditions: ["wintercg"],
  plugins: [zodEnglishOnly],
  // activation time in the log counts from here, module loading included
  banner: { js: "var __pulsekitLoadStarted = performance.now();" },
  outfile: "dist/extension.cjs",
  minify: production,
  sourcemap: production ? false : "inline",
  metafile: false,
});

const suiteDir = join(root, "test", "host", "suite");
await esbuild.build({
  ...common,
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
    description: "A colour as #RRGGBBAA: red, green, blue and alpha in hex, for example #FF3355FF.",
    patternErrorMessage: "Use #RRGGBBAA with eight hex digits, for example #FF3355FF.",
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

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

const core = await import("@pulsekit/core");
// todo(core): drop the fallback once core exports configurationJsonSchema
const schema =
  typeof core.configurationJsonSchema === "function"
    ? core.configurationJsonSchema()
    : { $schema: "http://json-schema.org/draft-07/schema#", type: "object" };
mkdirSync(dist, { recursive: true });
writeFileSync(join(dist, "widget-configuration.schema.json"), `${JSON.stringify(schema, null, 2)}\n`);

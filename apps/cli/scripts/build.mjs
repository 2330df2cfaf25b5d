#!/usr/bin/env node
// builds the published package: dist/bin.js and its lazily loaded chunks carry every dependency
// (@pulsekit/*, commander, open, ws, hono, zod, ofetch), so `npm install -g` of the packed tarball needs
// no registry and no workspace; commands still load only what they use
import { rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { ESM_REQUIRE_BANNER, NODE_BUNDLE } from "../../../scripts/node-bundle.mjs";
import { writeThirdPartyNotices } from "../../../scripts/third-party-notices.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");

rmSync(dist, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: [join(root, "src/bin.ts")],
  outdir: dist,
  // chunks sit beside bin.js, so program.ts's `../package.json` resolves from any of them
  chunkNames: "chunks-[name]-[hash]",
  splitting: true,
  bundle: true,
  ...NODE_BUNDLE,
  format: "esm",
  banner: ESM_REQUIRE_BANNER,
  minifySyntax: true,
  minifyWhitespace: true,
  keepNames: true,
  legalComments: "none",
  logLevel: "warning",
  metafile: true,
});
writeThirdPartyNotices(result.metafile, join(dist, "THIRD-PARTY-NOTICES.txt"), root);
// what the bundle leaves to the runtime, for the package test (not shipped: files lists only the bundle)
writeFileSync(join(dist, "bundle-meta.json"), JSON.stringify(result.metafile));

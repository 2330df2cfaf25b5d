#!/usr/bin/env node
// builds the published package: dist/bin.js and its lazily loaded chunks carry every dependency
// (@pulsekit/*, commander, open, ws, hono, zod, ofetch), so `npm install -g` of the packed tarball needs
// no registry and no workspace; commands still load only what they use
import { rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { writeThirdPartyNotices } from "../../../scripts/third-party-notices.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");

// ofetch falls back to node-fetch-native's polyfill only without globalThis.fetch, which Node 20 has:
// its native entry (the globals) keeps the polyfill's ~115 KiB out
const nativeFetch = {
  name: "native-fetch",
  setup(build) {
    build.onResolve({ filter: /^node-fetch-native$/ }, (args) =>
      build.resolve("node-fetch-native/native", { kind: args.kind, resolveDir: args.resolveDir }),
    );
  },
};

rmSync(dist, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: [join(root, "src/bin.ts")],
  outdir: dist,
  // chunks sit beside bin.js, so program.ts's `../package.json` resolves from any of them
  chunkNames: "chunks-[name]-[hash]",
  splitting: true,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  // ws and commander are CommonJS and call require(); an ESM bundle has none of its own
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  // ws's own switches for its optional native add-ons, which a bundle never has
  define: { "process.env.WS_NO_BUFFER_UTIL": '"1"', "process.env.WS_NO_UTF_8_VALIDATE": '"1"' },
  plugins: [nativeFetch],
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

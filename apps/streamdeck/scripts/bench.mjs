#!/usr/bin/env node
// prints the plugin's figures: bundle size, launch to registration, keyDown to the request reaching
// Pulsoid (the emulator), the plugin's memory after 100 presses, keyDown to the widget's source in a fake OBS,
// and the Heart Rate key's figures; run after the build
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "dist", "bench", "bench.mjs");
mkdirSync(dirname(out), { recursive: true });
// the bench shares the test host, written in TypeScript; bundle it for plain node
await build({
  entryPoints: [join(root, "test/bench/bench.ts")],
  outfile: out,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
await import(pathToFileURL(out).href);

#!/usr/bin/env node
// builds the plugin: bundles bin/plugin.js (self-contained, no node_modules at run time) and the
// property inspector script, validates the manifest and packs dist/dev.pulsekit.widgets.streamDeckPlugin
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { ESM_REQUIRE_BANNER, NODE_BUNDLE } from "../../../scripts/node-bundle.mjs";
import { writeThirdPartyNotices } from "../../../scripts/third-party-notices.mjs";
import { withoutDebugSettings } from "./release-manifest.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pluginDir = join(root, "dev.pulsekit.widgets.sdPlugin");
const distDir = join(root, "dist");

// @elgato/utils builds two zod schemas (Option, OptionGroup) at import time with its own zod 3.25
// (`zod/v4-mini`, every locale: ~240 KiB). nothing imports them, but esbuild keeps a module whose top
// level may have effects; these have none (that zod keeps its state per module), so they are declared
// side-effect free and drop out with their zod. if something imports them, esbuild keeps them
const optionLists = /[\\/]@elgato[\\/]utils[\\/]dist[\\/]lists[\\/]option(-group)?\.js$/;
const unusedOptionLists = {
  name: "unused-option-lists",
  setup(build) {
    build.onResolve({ filter: /^\.\.?\/.*option(-group)?\.js$/ }, (args) => {
      const path = join(args.resolveDir, args.path);
      return optionLists.test(path) ? { path, sideEffects: false } : undefined;
    });
  },
};

const plugin = await build({
  absWorkingDir: root,
  entryPoints: [join(root, "src/plugin.ts")],
  outfile: join(pluginDir, "bin/plugin.js"),
  bundle: true,
  ...NODE_BUNDLE,
  format: "esm",
  banner: ESM_REQUIRE_BANNER,
  plugins: [unusedOptionLists],
  minify: true,
  keepNames: true,
  sourcemap: "linked",
  legalComments: "none",
  logLevel: "warning",
  metafile: true,
});
// the bundle is ESM: say so, for the app's Node 20 builds that do not detect module syntax on their own
writeFileSync(join(pluginDir, "bin/package.json"), `${JSON.stringify({ type: "module" })}\n`);
mkdirSync(distDir, { recursive: true });
// what the bundle leaves to the runtime: the package tests check it is only Node's own modules
writeFileSync(join(distDir, "plugin-bundle-meta.json"), JSON.stringify(plugin.metafile));

// one script per inspector page
const inspector = await build({
  absWorkingDir: root,
  entryPoints: {
    "create-widget": join(root, "src/inspector/create-widget.ts"),
    "heart-rate": join(root, "src/inspector/heart-rate.ts"),
  },
  outdir: join(pluginDir, "ui"),
  bundle: true,
  platform: "browser",
  target: "chrome120",
  format: "iife",
  minify: true,
  legalComments: "none",
  logLevel: "warning",
  metafile: true,
});
// the licences of what both bundles carry, inside the plugin the streamer installs
writeThirdPartyNotices(
  { outputs: { ...plugin.metafile.outputs, ...inspector.metafile.outputs } },
  join(pluginDir, "bin", "THIRD-PARTY-NOTICES.txt"),
  root,
);

/** runs the Stream Deck CLI offline; exits on failure */
function streamdeck(args) {
  const cli = join(root, "node_modules/@elgato/cli/bin/streamdeck.mjs");
  const result = spawnSync(process.execPath, [cli, ...args, "--no-update-check"], { stdio: "inherit", cwd: root });
  if (result.status !== 0) {
    process.stderr.write(`streamdeck ${args[0]} failed (exit ${result.status})\n`);
    process.exit(result.status ?? 1);
  }
}

// pack a staged copy: the CLI rewrites the manifest it packs, and logs/ from a local run stay behind
const stage = join(distDir, "stage", "dev.pulsekit.widgets.sdPlugin");
rmSync(dirname(stage), { recursive: true, force: true });
cpSync(pluginDir, stage, { recursive: true, filter: (source) => relative(pluginDir, source).split(sep)[0] !== "logs" });
// the folder a developer links keeps Nodejs.Debug; the package a streamer installs does not
const stagedManifest = join(stage, "manifest.json");
const manifest = withoutDebugSettings(JSON.parse(readFileSync(stagedManifest, "utf8")));
writeFileSync(stagedManifest, `${JSON.stringify(manifest, null, 2)}\n`);
// the plugin's own licence beside the bundled packages' (bin/THIRD-PARTY-NOTICES.txt)
cpSync(join(root, "LICENSE"), join(stage, "LICENSE"));
streamdeck(["validate", stage]);
streamdeck(["pack", "-f", "-o", distDir, stage]);

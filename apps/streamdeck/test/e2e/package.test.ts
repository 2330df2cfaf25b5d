import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { debugSettings } from "../../scripts/release-manifest.mjs";
import { appDir, installPackedPlugin, PLUGIN_FOLDER, packedEntries } from "../support/plugin-package.js";

let files: string[];
let installed: string;

beforeAll(async () => {
  files = [...(await packedEntries()).keys()].map((path) => path.replace(`${PLUGIN_FOLDER}/`, ""));
  installed = await installPackedPlugin();
});
afterAll(() => {
  rmSync(dirname(installed), { recursive: true, force: true });
});

const manifest = () => JSON.parse(readFileSync(join(installed, "manifest.json"), "utf8"));

/** what esbuild put into bin/plugin.js: each input with its bytes in the bundle, and what it left external */
function pluginBundleMeta(): {
  inputs: Record<string, { bytesInOutput: number }>;
  imports: { path: string; external?: boolean }[];
} {
  const meta = JSON.parse(readFileSync(join(appDir, "dist/plugin-bundle-meta.json"), "utf8"));
  const output = Object.entries(meta.outputs).find(([path]) => path.endsWith("bin/plugin.js"))?.[1];
  if (!output) throw new Error("dist/plugin-bundle-meta.json has no bin/plugin.js: rebuild the plugin");
  return output as ReturnType<typeof pluginBundleMeta>;
}

/** the inputs that weigh most in the bundle, as "KiB path" lines */
function heaviestInputs(count: number): string {
  return Object.entries(pluginBundleMeta().inputs)
    .sort(([, a], [, b]) => b.bytesInOutput - a.bytesInOutput)
    .slice(0, count)
    .map(([path, input]) => `${(input.bytesInOutput / 1024).toFixed(1)} KiB ${path}`)
    .join("\n");
}

const BUNDLE_LIMIT = 400 * 1024;

describe("the packed dev.pulsekit.widgets.streamDeckPlugin", () => {
  it("holds the manifest, the bundle, the inspector and every icon at 1x and 2x, and nothing else", () => {
    const m = manifest();
    const images = [
      m.Icon,
      m.CategoryIcon,
      ...m.Actions.flatMap((a: { Icon: string; States: { Image: string }[]; Encoder?: { Icon: string } }) => [
        a.Icon,
        ...a.States.map((s) => s.Image),
        ...(a.Encoder ? [a.Encoder.Icon] : []),
      ]),
    ];
    for (const image of images) {
      expect(files).toContain(`${image}.png`);
      expect(files).toContain(`${image}@2x.png`);
    }
    expect(files).toEqual(
      expect.arrayContaining([
        "manifest.json",
        m.CodePath,
        m.Actions[0].PropertyInspectorPath,
        "ui/create-widget.js",
        "ui/create-widget.css",
        "ui/sdpi.css",
        m.Actions[1].PropertyInspectorPath,
        "ui/heart-rate.js",
        "ui/heart-rate.css",
        m.Actions[1].Encoder.layout,
        "bin/THIRD-PARTY-NOTICES.txt",
        "LICENSE",
      ]),
    );
    expect(files.filter((f) => /(^|\/)(logs|node_modules)\/|\.map$|\.ts$|package\.json$/.test(f))).toEqual([
      "bin/package.json",
    ]);
  });

  it("declares the plugin, its Create Widget key and its Heart Rate key and dial as the app expects", () => {
    const m = manifest();
    expect(m.UUID).toBe(PLUGIN_FOLDER.replace(/\.sdPlugin$/, ""));
    expect(m.Actions.map((a: { UUID: string }) => a.UUID)).toEqual([
      "dev.pulsekit.widgets.create",
      "dev.pulsekit.widgets.heartrate",
    ]);
    expect(m.Actions[1]).toMatchObject({
      Name: "Heart Rate",
      Controllers: ["Keypad", "Encoder"],
      PropertyInspectorPath: "ui/heart-rate.html",
      Encoder: { layout: "layouts/heart-rate.json" },
    });
    // the touch-strip layout names the items the plugin's setFeedback fills
    const layout = JSON.parse(readFileSync(join(installed, m.Actions[1].Encoder.layout), "utf8"));
    expect(layout.items.map((item: { key: string }) => item.key)).toEqual(["title", "value", "caption", "history"]);
    expect(m.Nodejs.Version).toBe("20");
    expect(m.Version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it("has what its Marketplace page and the app's lists show, each image at the size Elgato asks for", () => {
    const m = manifest();
    expect(m).toMatchObject({
      Name: "PulseKit Widgets",
      Author: expect.any(String),
      Description: expect.stringMatching(/Pulsoid/),
      Category: "PulseKit Widgets",
    });
    // width × height from each PNG's IHDR, at 1x and @2x
    const size = (image: string, scale: "" | "@2x") => {
      const png = readFileSync(join(installed, `${image}${scale}.png`));
      return [png.readUInt32BE(16), png.readUInt32BE(20)];
    };
    const expected: [string, number][] = [
      [m.Icon, 256],
      [m.CategoryIcon, 28],
      ...m.Actions.flatMap((a: { Icon: string; States: { Image: string }[]; Encoder?: { Icon: string } }) => [
        [a.Icon, 20] as [string, number],
        ...a.States.map((state) => [state.Image, 72] as [string, number]),
        ...(a.Encoder ? [[a.Encoder.Icon, 72] as [string, number]] : []),
      ]),
    ];
    for (const [image, side] of expected) {
      expect(size(image, ""), image).toEqual([side, side]);
      expect(size(image, "@2x"), `${image}@2x`).toEqual([side * 2, side * 2]);
    }
  });

  it("ships no debug switch in its manifest (no inspector port on a streamer's machine)", () => {
    expect(debugSettings(manifest())).toEqual([]);
    expect(readFileSync(join(installed, "manifest.json"), "utf8")).not.toMatch(/debug|--inspect/i);
  });

  it("passes streamdeck validate offline", () => {
    const cli = join(appDir, "node_modules/@elgato/cli/bin/streamdeck.mjs");
    const result = spawnSync(process.execPath, [cli, "validate", "--no-update-check", installed], { encoding: "utf8" });
    expect(result.stdout + result.stderr).toContain("Validation successful");
    expect(result.status).toBe(0);
  });

  it("bundles everything but Node's own modules, so it runs without node_modules", () => {
    const external = pluginBundleMeta()
      .imports.filter((i) => i.external)
      .map((i) => i.path);
    expect(external.length).toBeGreaterThan(0);
    // ws's optional native add-ons (bufferutil, utf-8-validate) are switched off at build time, not left to a lookup
    expect(external.filter((path) => !path.startsWith("node:") && !builtinModules.includes(path))).toEqual([]);
  });

  it("carries the licence of every package bundled into it", () => {
    const notices = readFileSync(join(installed, "bin/THIRD-PARTY-NOTICES.txt"), "utf8");
    const bundled = new Set(
      Object.entries(pluginBundleMeta().inputs)
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([path]) => /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(path)?.[1])
        .filter((name) => name !== undefined),
    );
    expect(bundled.size).toBeGreaterThan(3);
    for (const name of bundled) expect(notices, name).toMatch(new RegExp(`^${name} \\d+\\.\\d+\\.\\d+ \\(`, "m"));
    expect(notices).toContain("Permission is hereby granted");
  });

  it(`keeps bin/plugin.js within ${BUNDLE_LIMIT / 1024} KiB`, () => {
    const size = statSync(join(installed, manifest().CodePath)).size;
    expect(
      size,
      `bin/plugin.js is ${(size / 1024).toFixed(1)} KiB; heaviest inputs:\n${heaviestInputs(15)}`,
    ).toBeLessThanOrEqual(BUNDLE_LIMIT);
  });

  it("carries one copy of zod, the one the core validates with", () => {
    // the SDK's own zod (through @elgato/utils) builds schemas the plugin never uses
    const copies = new Set(
      Object.keys(pluginBundleMeta().inputs)
        .filter((path) => path.includes("node_modules/zod/"))
        .map((path) => path.slice(0, path.indexOf("node_modules/zod/"))),
    );
    expect(copies.size, [...copies].join(", ")).toBe(1);
  });

  it("is loaded as ESM even by a Node 20 that does not detect module syntax", () => {
    expect(JSON.parse(readFileSync(join(installed, "bin/package.json"), "utf8"))).toEqual({ type: "module" });
    const check = spawnSync(process.execPath, ["--no-experimental-detect-module", "--check", manifest().CodePath], {
      cwd: installed,
      encoding: "utf8",
    });
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
  });

  it("loads nothing from the network in the inspector pages", () => {
    const html = ["create-widget.html", "heart-rate.html"]
      .map((name) => readFileSync(join(installed, "ui", name), "utf8"))
      .join("\n");
    const css = ["sdpi.css", "create-widget.css", "heart-rate.css"]
      .map((name) => readFileSync(join(installed, "ui", name), "utf8"))
      .join("\n");
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(css).not.toMatch(/url\(\s*["']?(https?:)?\/\//i);
  });
});

import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

describe("the packed dev.pulsekit.widgets.streamDeckPlugin", () => {
  it("holds the manifest, the bundle, the inspector and every icon at 1x and 2x, and nothing else", () => {
    const m = manifest();
    const images = [
      m.Icon,
      m.CategoryIcon,
      ...m.Actions.flatMap((a: { Icon: string; States: { Image: string }[] }) => [
        a.Icon,
        ...a.States.map((s) => s.Image),
      ]),
    ];
    for (const image of images) {
      expect(files).toContain(`${image}.png`);
      expect(files).toContain(`${image}@2x.png`);
    }
    expect(files).toEqual(
      expect.arrayContaining(["manifest.json", m.CodePath, m.Actions[0].PropertyInspectorPath, "ui/create-widget.js"]),
    );
    expect(files.filter((f) => /(^|\/)(logs|node_modules)\/|\.map$|\.ts$|package\.json$/.test(f))).toEqual([
      "bin/package.json",
    ]);
  });

  it("declares the plugin and its Create Widget action as the app expects", () => {
    const m = manifest();
    expect(m.UUID).toBe(PLUGIN_FOLDER.replace(/\.sdPlugin$/, ""));
    expect(m.Actions.map((a: { UUID: string }) => a.UUID)).toEqual(["dev.pulsekit.widgets.create"]);
    expect(m.Nodejs.Version).toBe("20");
    expect(m.Version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it("passes streamdeck validate offline", () => {
    const cli = join(appDir, "node_modules/@elgato/cli/bin/streamdeck.mjs");
    const result = spawnSync(process.execPath, [cli, "validate", "--no-update-check", installed], { encoding: "utf8" });
    expect(result.stdout + result.stderr).toContain("Validation successful");
    expect(result.status).toBe(0);
  });

  it("bundles everything but Node's own modules, so it runs without node_modules", () => {
    const meta = JSON.parse(readFileSync(join(appDir, "dist/plugin-bundle-meta.json"), "utf8"));
    const output = Object.entries(meta.outputs).find(([path]) => path.endsWith("bin/plugin.js"))?.[1] as {
      imports: { path: string; external?: boolean }[];
    };
    const external = output.imports.filter((i) => i.external).map((i) => i.path);
    expect(external.length).toBeGreaterThan(0);
    // ws looks for two optional native add-ons inside try/catch and works without them
    const optional = new Set(["bufferutil", "utf-8-validate"]);
    expect(
      external.filter((path) => !path.startsWith("node:") && !builtinModules.includes(path) && !optional.has(path)),
    ).toEqual([]);
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

  it("loads nothing from the network in the inspector page", () => {
    const html = readFileSync(join(installed, "ui/create-widget.html"), "utf8");
    const css = readFileSync(join(installed, "ui/create-widget.css"), "utf8");
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(css).not.toMatch(/url\(\s*["']?(https?:)?\/\//i);
  });
});

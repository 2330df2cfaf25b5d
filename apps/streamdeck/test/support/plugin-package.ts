import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Uint8ArrayReader, Uint8ArrayWriter, ZipReader } from "@zip.js/zip.js";

/** the package folder (apps/streamdeck) */
export const appDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
/** what `pnpm build` packs */
export const packedPlugin = join(appDir, "dist", "dev.pulsekit.widgets.streamDeckPlugin");
/** the folder name the app installs the plugin under */
export const PLUGIN_FOLDER = "dev.pulsekit.widgets.sdPlugin";

let entries: Promise<Map<string, Uint8Array>> | undefined;

/** every file in the packed plugin, by its path inside the archive */
export function packedEntries(): Promise<Map<string, Uint8Array>> {
  entries ??= (async () => {
    if (!existsSync(packedPlugin)) {
      throw new Error(
        `${packedPlugin} is missing: build the plugin first (node scripts/pnpm.mjs --filter pulsekit-streamdeck build)`,
      );
    }
    const reader = new ZipReader(new Uint8ArrayReader(readFileSync(packedPlugin)));
    const files = new Map<string, Uint8Array>();
    for (const entry of await reader.getEntries()) {
      if (entry.directory || !entry.getData) continue;
      files.set(entry.filename, await entry.getData(new Uint8ArrayWriter()));
    }
    await reader.close();
    return files;
  })();
  return entries;
}

/** installs the packed plugin into a fresh folder outside the workspace, as the app does; returns the .sdPlugin path */
export async function installPackedPlugin(): Promise<string> {
  const home = mkdtempSync(join(tmpdir(), "pulsekit-sd-"));
  for (const [path, data] of await packedEntries()) {
    const target = join(home, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, data);
  }
  const pluginDir = join(home, PLUGIN_FOLDER);
  if (!existsSync(join(pluginDir, "manifest.json")))
    throw new Error(`the packed plugin has no ${PLUGIN_FOLDER}/manifest.json`);
  return pluginDir;
}

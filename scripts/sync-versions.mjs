#!/usr/bin/env node
// after `changeset version`: the Stream Deck manifest's Version (four numbers) follows pulsekit-streamdeck's
// package version; the VS Code extension's version is its package.json version already
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const root = join(import.meta.dirname, "..");

/** a semver version as the Stream Deck manifest wants it: major.minor.patch.build, build 0 */
export function manifestVersion(version) {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(version);
  if (!match) throw new Error(`${version} is not a version like 1.2.3`);
  return `${match[1]}.${match[2]}.${match[3]}.0`;
}

/** writes the Stream Deck package's version into the manifest under `base`; returns [before, after] */
export function syncStreamDeckManifest(base = root) {
  const app = join(base, "apps", "streamdeck");
  const { version } = JSON.parse(readFileSync(join(app, "package.json"), "utf8"));
  const manifestPath = join(app, "dev.pulsekit.widgets.sdPlugin", "manifest.json");
  const text = readFileSync(manifestPath, "utf8");
  const manifest = JSON.parse(text);
  const before = manifest.Version;
  const after = manifestVersion(version);
  if (before !== after) {
    manifest.Version = after;
    const indent = /^(\s+)"/m.exec(text)?.[1] ?? "  ";
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, indent)}\n`);
  }
  return [before, after];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [before, after] = syncStreamDeckManifest();
  process.stdout.write(
    before === after ? `Stream Deck manifest already at ${after}\n` : `Stream Deck manifest ${before} -> ${after}\n`,
  );
}

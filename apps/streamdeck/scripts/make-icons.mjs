#!/usr/bin/env node
// draws the plugin's PNG icons (1x and @2x) into the .sdPlugin folder; the output is committed,
// run again only when the artwork changes
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  heartAt,
  inPlus,
  inRoundedSquare,
  NAVY,
  nearPolyline,
  RED,
  renderIcon,
  WHITE,
} from "../../../scripts/brand-icons.mjs";

const pluginDir = join(dirname(fileURLToPath(import.meta.url)), "..", "dev.pulsekit.widgets.sdPlugin");

// a heartbeat trace across the middle
const PULSE = [
  [0.08, 0.52],
  [0.34, 0.52],
  [0.42, 0.34],
  [0.52, 0.7],
  [0.6, 0.44],
  [0.66, 0.52],
  [0.92, 0.52],
];

const layers = {
  // marketplace and app icon: red heart on a navy tile
  marketplace: (u, v) => {
    if (!inRoundedSquare(u, v, 0.18)) return undefined;
    return heartAt(u, v, 0.5, 0.48, 0.3) ? RED : NAVY;
  },
  // category and action list icons: white outline-free glyphs on transparent, as the app expects
  category: (u, v) => (heartAt(u, v, 0.5, 0.48, 0.36) ? WHITE : undefined),
  action: (u, v) => {
    if (inPlus(u, v, 0.8, 0.8, 0.18, 0.06)) return WHITE;
    if (Math.abs(u - 0.8) <= 0.26 && Math.abs(v - 0.8) <= 0.26) return undefined;
    return heartAt(u, v, 0.45, 0.45, 0.34) ? WHITE : undefined;
  },
  // Heart Rate in the action list: a heart with a pulse line through it, the line cut out of the heart
  pulse: (u, v) => {
    if (nearPolyline(u, v, PULSE, 0.05)) return WHITE;
    if (nearPolyline(u, v, PULSE, 0.11)) return undefined;
    return heartAt(u, v, 0.5, 0.5, 0.36) ? WHITE : undefined;
  },
  // Heart Rate's key and dial before the first reading: a red heart with a white pulse line on the dark face
  pulseKey: (u, v) => {
    if (nearPolyline(u, v, PULSE, 0.035)) return WHITE;
    if (heartAt(u, v, 0.5, 0.5, 0.3)) return RED;
    return NAVY;
  },
  // the key itself: heart and a plus on the key's dark face
  key: (u, v) => {
    if (inPlus(u, v, 0.74, 0.66, 0.11, 0.035)) return WHITE;
    if (heartAt(u, v, 0.46, 0.4, 0.25)) return RED;
    return NAVY;
  },
};

const icons = [
  ["imgs/plugin/marketplace", 256, layers.marketplace],
  ["imgs/plugin/category", 28, layers.category],
  ["imgs/actions/create/icon", 20, layers.action],
  ["imgs/actions/create/key", 72, layers.key],
  ["imgs/actions/heart-rate/icon", 20, layers.pulse],
  ["imgs/actions/heart-rate/key", 72, layers.pulseKey],
  ["imgs/actions/heart-rate/dial", 72, layers.pulseKey],
];

for (const [path, size, layer] of icons) {
  const base = join(pluginDir, path);
  mkdirSync(dirname(base), { recursive: true });
  writeFileSync(`${base}.png`, renderIcon(size, layer));
  writeFileSync(`${base}@2x.png`, renderIcon(size * 2, layer));
}
process.stdout.write(`wrote ${icons.length * 2} icons under ${pluginDir}/imgs\n`);

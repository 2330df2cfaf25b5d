#!/usr/bin/env node
// draws the plugin's PNG icons (1x and @2x) into the .sdPlugin folder; the output is committed,
// run again only when the artwork changes
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PNG } from "pngjs";

const pluginDir = join(dirname(fileURLToPath(import.meta.url)), "..", "dev.pulsekit.widgets.sdPlugin");

const RED = [232, 54, 79];
const WHITE = [255, 255, 255];
const NAVY = [24, 26, 38];

// inside test of the classic heart curve, x and y in roughly -1.3..1.3, y up
function inHeart(x, y) {
  const a = x * x + y * y - 1;
  return a * a * a - x * x * y * y * y <= 0;
}

function inRoundedSquare(u, v, radius) {
  const dx = Math.max(Math.abs(u - 0.5) - (0.5 - radius), 0);
  const dy = Math.max(Math.abs(v - 0.5) - (0.5 - radius), 0);
  return dx * dx + dy * dy <= radius * radius;
}

// one layer: returns a colour for (u, v) in 0..1 or undefined for transparent
function render(size, layer) {
  const png = new PNG({ width: size, height: size });
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const u = (px + (sx + 0.5) / samples) / size;
          const v = (py + (sy + 0.5) / samples) / size;
          const color = layer(u, v);
          if (!color) continue;
          r += color[0];
          g += color[1];
          b += color[2];
          a += 1;
        }
      }
      const i = (py * size + px) * 4;
      png.data[i] = a ? Math.round(r / a) : 0;
      png.data[i + 1] = a ? Math.round(g / a) : 0;
      png.data[i + 2] = a ? Math.round(b / a) : 0;
      png.data[i + 3] = Math.round((a / (samples * samples)) * 255);
    }
  }
  return PNG.sync.write(png);
}

// heart centred at (cx, cy) with half-width s, in unit coordinates
function heartAt(u, v, cx, cy, s) {
  return inHeart((u - cx) / s, -(v - cy) / s);
}

// a plus sign in the lower right: the key creates something
function inPlus(u, v, cx, cy, arm, width) {
  return (
    (Math.abs(u - cx) <= arm && Math.abs(v - cy) <= width) || (Math.abs(v - cy) <= arm && Math.abs(u - cx) <= width)
  );
}

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
];

for (const [path, size, layer] of icons) {
  const base = join(pluginDir, path);
  mkdirSync(dirname(base), { recursive: true });
  writeFileSync(`${base}.png`, render(size, layer));
  writeFileSync(`${base}@2x.png`, render(size * 2, layer));
}
process.stdout.write(`wrote ${icons.length * 2} icons under ${pluginDir}/imgs\n`);

#!/usr/bin/env node
// draws the extension icon (a red heart with a pulse line on a dark rounded square) into media/icon.png
import { writeFileSync } from "node:fs";
import { heartAt, inRoundedSquare, NAVY, nearPolyline, RED, renderIcon, WHITE } from "../../../scripts/brand-icons.mjs";

// the pulse line across the heart
const pulse = [
  [0.14, 0.52],
  [0.38, 0.52],
  [0.45, 0.36],
  [0.53, 0.7],
  [0.6, 0.46],
  [0.65, 0.52],
  [0.86, 0.52],
];

const png = renderIcon(256, (u, v) => {
  if (!inRoundedSquare(u, v, 0.18)) return undefined;
  if (nearPolyline(u, v, pulse, 0.025)) return WHITE;
  return heartAt(u, v, 0.5, 0.54, 0.34) ? RED : NAVY;
});
writeFileSync(new URL("../media/icon.png", import.meta.url), png);
process.stdout.write(`media/icon.png: ${png.length} bytes\n`);

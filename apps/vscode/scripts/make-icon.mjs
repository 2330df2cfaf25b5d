#!/usr/bin/env node
// draws the extension icon (a red heart with a pulse line on a dark rounded square) into media/icon.png
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const size = 256;
const pixels = Buffer.alloc(size * size * 4);

function crc32(buffer) {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

// implicit heart curve: (x^2 + y^2 - 1)^3 - x^2 y^3 <= 0
function inHeart(px, py) {
  const x = (px - size / 2) / (size * 0.34);
  const y = -(py - size * 0.54) / (size * 0.34);
  const a = x * x + y * y - 1;
  return a * a * a - x * x * y * y * y <= 0;
}

function inRoundedSquare(px, py) {
  const r = size * 0.18;
  const cx = Math.min(Math.max(px, r), size - r);
  const cy = Math.min(Math.max(py, r), size - r);
  return (px - cx) ** 2 + (py - cy) ** 2 <= r * r;
}

// a pulse line across the heart, as distance from a polyline
const pulse = [
  [0.14, 0.52],
  [0.38, 0.52],
  [0.45, 0.36],
  [0.53, 0.7],
  [0.6, 0.46],
  [0.65, 0.52],
  [0.86, 0.52],
].map(([x, y]) => [x * size, y * size]);

function nearPulse(px, py) {
  for (let i = 0; i < pulse.length - 1; i++) {
    const [x1, y1] = pulse[i];
    const [x2, y2] = pulse[i + 1];
    const dx = x2 - x1;
    const dy = y2 - y1;
    const t = Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy)));
    if ((px - x1 - t * dx) ** 2 + (py - y1 - t * dy) ** 2 <= (size * 0.025) ** 2) return true;
  }
  return false;
}

// 4x4 supersampling keeps the edges smooth
const samples = 4;
for (let py = 0; py < size; py++) {
  for (let px = 0; px < size; px++) {
    let r = 0;
    let g = 0;
    let b = 0;
    let a = 0;
    for (let sy = 0; sy < samples; sy++) {
      for (let sx = 0; sx < samples; sx++) {
        const x = px + (sx + 0.5) / samples;
        const y = py + (sy + 0.5) / samples;
        if (!inRoundedSquare(x, y)) continue;
        let color = [24, 26, 38];
        if (inHeart(x, y)) color = [232, 38, 70];
        if (nearPulse(x, y)) color = [255, 255, 255];
        r += color[0];
        g += color[1];
        b += color[2];
        a += 255;
      }
    }
    const n = samples * samples;
    const i = (py * size + px) * 4;
    const covered = a / 255 || 1;
    pixels[i] = Math.round(r / covered);
    pixels[i + 1] = Math.round(g / covered);
    pixels[i + 2] = Math.round(b / covered);
    pixels[i + 3] = Math.round(a / n);
  }
}

const raw = Buffer.alloc(size * (size * 4 + 1));
for (let y = 0; y < size; y++) pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
const header = Buffer.alloc(13);
header.writeUInt32BE(size, 0);
header.writeUInt32BE(size, 4);
header[8] = 8; // bit depth
header[9] = 6; // rgba
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk("IHDR", header),
  chunk("IDAT", deflateSync(raw, { level: 9 })),
  chunk("IEND", Buffer.alloc(0)),
]);
writeFileSync(new URL("../media/icon.png", import.meta.url), png);
process.stdout.write(`media/icon.png: ${png.length} bytes\n`);

// the PulseKit heart artwork every app's icons are drawn from; shapes take unit coordinates (0..1, y down)
import { PNG } from "pngjs";

/** the brand colours as [r, g, b] */
export const RED = [232, 54, 79];
export const WHITE = [255, 255, 255];
export const NAVY = [24, 26, 38];

// inside test of the classic heart curve, x and y in roughly -1.3..1.3, y up
function inHeartCurve(x, y) {
  const a = x * x + y * y - 1;
  return a * a * a - x * x * y * y * y <= 0;
}

/** true inside a heart centred at (cx, cy) with half-width s */
export function heartAt(u, v, cx, cy, s) {
  return inHeartCurve((u - cx) / s, -(v - cy) / s);
}

/** true inside the whole tile with rounded corners of this radius */
export function inRoundedSquare(u, v, radius) {
  const dx = Math.max(Math.abs(u - 0.5) - (0.5 - radius), 0);
  const dy = Math.max(Math.abs(v - 0.5) - (0.5 - radius), 0);
  return dx * dx + dy * dy <= radius * radius;
}

/** true on a plus sign centred at (cx, cy) */
export function inPlus(u, v, cx, cy, arm, width) {
  return (
    (Math.abs(u - cx) <= arm && Math.abs(v - cy) <= width) || (Math.abs(v - cy) <= arm && Math.abs(u - cx) <= width)
  );
}

/** true within `width` of a polyline given as [[u, v], ...] */
export function nearPolyline(u, v, points, width) {
  for (let i = 0; i < points.length - 1; i++) {
    const [x1, y1] = points[i];
    const [x2, y2] = points[i + 1];
    const dx = x2 - x1;
    const dy = y2 - y1;
    const t = Math.max(0, Math.min(1, ((u - x1) * dx + (v - y1) * dy) / (dx * dx + dy * dy)));
    if ((u - x1 - t * dx) ** 2 + (v - y1 - t * dy) ** 2 <= width * width) return true;
  }
  return false;
}

/** a square PNG of a layer (a colour for (u, v), or undefined for transparent), 4x4 supersampled */
export function renderIcon(size, layer) {
  const png = new PNG({ width: size, height: size });
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const color = layer((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
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

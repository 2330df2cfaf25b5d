import type { Face } from "./face.js";
import { clock, escapeXml, fillOf, heartPath, svgDataUrl } from "./svg.js";

/** the key face's side in the SVG's own units: 72 px keys draw it at half, 144 px keys at full size */
export const KEY_SIZE = 144;
const BACKGROUND = "#111318";
const CAPTION_COLOUR = "#9A9A9A";
const FONT = "Helvetica, Arial, sans-serif";

/**
 * the key's picture: the number large in its colour, a heart that beats (two sizes, one per reading) or a clock
 * when old, and a caption beside it; the lower edge stays clear for a title
 */
export function keySvg(face: Face): string {
  const { number, look } = face;
  const digits = number.length;
  // three digits must fit the width; a short number may be larger
  const fontSize = digits >= 3 ? 62 : 70;
  const mark =
    look === "live"
      ? `<path d="${heartPath(24, 28, face.beat === 0 ? 12 : 9.5)}" ${fillOf(face.colour)}/>`
      : look === "old"
        ? clock(24, 28, 10, CAPTION_COLOUR)
        : "";
  const caption = face.caption
    ? `<text x="${look === "none" ? 72 : 42}" y="35" font-family="${FONT}" font-size="19" ${look === "none" ? 'text-anchor="middle" ' : ""}fill="${CAPTION_COLOUR}">${escapeXml(face.caption)}</text>`
    : "";
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${KEY_SIZE}" height="${KEY_SIZE}" viewBox="0 0 ${KEY_SIZE} ${KEY_SIZE}">` +
    `<rect width="${KEY_SIZE}" height="${KEY_SIZE}" fill="${BACKGROUND}"/>` +
    mark +
    caption +
    `<text x="72" y="96" font-family="${FONT}" font-size="${fontSize}" font-weight="700" text-anchor="middle" ${fillOf(face.colour)}>${escapeXml(number)}</text>` +
    "</svg>"
  );
}

/** the key's picture as the data URL setImage takes */
export function keyImage(face: Face): string {
  return svgDataUrl(keySvg(face));
}

// the pictures a Heart Rate key and dial show, drawn as SVG: sharp on 1x and 2x keys, no raster

/** escapes text for an SVG text node or attribute */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * a fill as attributes: `#RRGGBBAA` becomes `#RRGGBB` with fill-opacity, since some SVG renderers read eight
 * hex digits as ARGB
 */
export function fillOf(colour: string, attribute = "fill"): string {
  const match = /^#([0-9a-fA-F]{6})([0-9a-fA-F]{2})?$/.exec(colour);
  if (!match) return `${attribute}="${escapeXml(colour)}"`;
  const rgb = `#${match[1]?.toUpperCase()}`;
  const alpha = match[2] === undefined ? 255 : Number.parseInt(match[2], 16);
  return alpha === 255
    ? `${attribute}="${rgb}"`
    : `${attribute}="${rgb}" ${attribute}-opacity="${(alpha / 255).toFixed(2)}"`;
}

/** an SVG as the data URL setImage and setFeedback take */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf8,${encodeURIComponent(svg)}`;
}

/** the SVG in a data URL made by svgDataUrl (or a base64 one) */
export function svgFromDataUrl(url: string): string {
  const comma = url.indexOf(",");
  const head = url.slice(0, comma);
  const body = url.slice(comma + 1);
  return head.endsWith(";base64") ? Buffer.from(body, "base64").toString("utf8") : decodeURIComponent(body);
}

/** a heart of width ~2·size centred on x, y */
export function heartPath(x: number, y: number, size: number): string {
  const s = size;
  const r = (n: number) => Math.round(n * 10) / 10;
  return (
    `M${r(x)} ${r(y + s * 0.9)}` +
    `C${r(x - s * 0.2)} ${r(y + s * 0.7)} ${r(x - s)} ${r(y + s * 0.15)} ${r(x - s)} ${r(y - s * 0.3)}` +
    `C${r(x - s)} ${r(y - s * 0.85)} ${r(x - s * 0.3)} ${r(y - s)} ${r(x)} ${r(y - s * 0.45)}` +
    `C${r(x + s * 0.3)} ${r(y - s)} ${r(x + s)} ${r(y - s * 0.85)} ${r(x + s)} ${r(y - s * 0.3)}` +
    `C${r(x + s)} ${r(y + s * 0.15)} ${r(x + s * 0.2)} ${r(y + s * 0.7)} ${r(x)} ${r(y + s * 0.9)}Z`
  );
}

/** a small clock: the sign that a number is old */
export function clock(x: number, y: number, radius: number, colour: string): string {
  return (
    `<circle cx="${x}" cy="${y}" r="${radius}" fill="none" stroke="${colour}" stroke-width="2.5"/>` +
    `<path d="M${x} ${y - radius * 0.6}V${y}L${x + radius * 0.5} ${y + radius * 0.35}" fill="none" stroke="${colour}" stroke-width="2.5" stroke-linecap="round"/>`
  );
}

import { describe, expect, it } from "vitest";
import { faceFor } from "./face.js";
import { keyImage, keySvg } from "./key-image.js";
import { svgFromDataUrl } from "./svg.js";
import { presetZones } from "./zones.js";

const reading = (bpm: number) => ({ bpm, measuredAt: 0, receivedAt: 0 });
const zones = presetZones();
/** the big number's text and fill */
const number = (svg: string) => /<text [^>]*font-weight="700"[^>]*fill="([^"]+)"[^>]*>([^<]*)<\/text>/.exec(svg);

describe("the key's picture", () => {
  it("is a 144×144 SVG with no raster, the number large in the zone's colour", () => {
    const svg = keySvg(faceFor({ state: "live", reading: reading(145) }, zones));
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="144" height="144" viewBox="0 0 144 144">/);
    expect(svg).not.toMatch(/<image|base64/);
    expect(number(svg)?.slice(1)).toEqual(["#FFB000", "145"]);
    // the heart beside it in the same colour
    expect(svg).toMatch(/<path d="M[^"]+Z" fill="#FFB000"\/>/);
  });

  it("writes a translucent zone colour as RGB with an opacity (no eight-digit hex for the renderer to misread)", () => {
    const svg = keySvg(faceFor({ state: "live", reading: reading(80) }, [{ from: 0, to: 100, color: "#11223380" }]));
    expect(svg).toContain('fill="#112233" fill-opacity="0.50"');
    expect(svg).not.toContain("#11223380");
  });

  it("draws the heart at two sizes, one per reading", () => {
    const first = keySvg(faceFor({ state: "live", reading: reading(80) }, zones, 0));
    const second = keySvg(faceFor({ state: "live", reading: reading(80) }, zones, 1));
    expect(first).not.toBe(second);
    expect(number(first)?.[2]).toBe(number(second)?.[2]);
  });

  it("greys an old number and puts a clock and its age beside it", () => {
    const svg = keySvg(faceFor({ state: "stale", reading: reading(101), silentForMs: 15_000 }, zones));
    expect(number(svg)?.slice(1)).toEqual(["#6E6E6E", "101"]);
    expect(svg).toContain("<circle");
    expect(svg).toContain(">old 15s</text>");
    expect(svg).not.toMatch(/<path d="M[^"]+Z"/);
  });

  it("shows -- with no reading", () => {
    expect(number(keySvg(faceFor({ state: "signed_out" }, zones)))?.[2]).toBe("--");
  });

  it("travels as a data URL that decodes back to the same SVG", () => {
    const face = faceFor({ state: "live", reading: reading(64) }, zones);
    const url = keyImage(face);
    expect(url).toMatch(/^data:image\/svg\+xml;charset=utf8,/);
    expect(svgFromDataUrl(url)).toBe(keySvg(face));
  });
});

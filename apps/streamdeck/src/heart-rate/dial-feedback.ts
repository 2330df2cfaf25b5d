import { type Zone, zoneColor } from "@pulsekit/core";
import { type Face, NEUTRAL_COLOUR, OLD_COLOUR } from "./face.js";
import { HISTORY_LENGTH } from "./live-heart-rate.js";
import { fillOf, svgDataUrl } from "./svg.js";

/** the touch-strip layout in the .sdPlugin (its item keys are the feedback's keys) */
export const DIAL_LAYOUT = "layouts/heart-rate.json";
/** the history item's size in the layout */
export const HISTORY_WIDTH = 96;
export const HISTORY_HEIGHT = 52;
const LOW_BPM = 40;
const HIGH_BPM = 200;

/** the last readings as bars, each in its zone's colour (all grey when the stream is old or gone) */
export function historySvg(history: readonly number[], zones: readonly Zone[], greyed: boolean): string {
  const slot = HISTORY_WIDTH / HISTORY_LENGTH;
  const recent = history.slice(-HISTORY_LENGTH);
  const offset = HISTORY_LENGTH - recent.length;
  const bars = recent.map((bpm, i) => {
    const level = Math.min(1, Math.max(0.06, (bpm - LOW_BPM) / (HIGH_BPM - LOW_BPM)));
    const height = Math.round(level * HISTORY_HEIGHT * 10) / 10;
    const colour = greyed ? OLD_COLOUR : (zoneColor(bpm, zones) ?? NEUTRAL_COLOUR);
    const x = Math.round((offset + i) * slot * 10) / 10;
    return `<rect x="${x}" y="${Math.round((HISTORY_HEIGHT - height) * 10) / 10}" width="${Math.round((slot - 0.8) * 10) / 10}" height="${height}" ${fillOf(colour)}/>`;
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${HISTORY_WIDTH}" height="${HISTORY_HEIGHT}" viewBox="0 0 ${HISTORY_WIDTH} ${HISTORY_HEIGHT}">` +
    `<rect y="${HISTORY_HEIGHT - 1}" width="${HISTORY_WIDTH}" height="1" fill="#3A3A3A"/>` +
    bars.join("") +
    "</svg>"
  );
}

/** what setFeedback sends for one view: the title (or a problem), the number in its colour, a caption and the history */
export function dialFeedback(face: Face, history: readonly number[], zones: readonly Zone[]) {
  const colour = /^#[0-9a-fA-F]{6}/.exec(face.colour)?.[0] ?? NEUTRAL_COLOUR;
  return {
    title: face.title ?? "Heart rate",
    value: { value: face.number, color: colour },
    caption: face.caption,
    history: svgDataUrl(historySvg(history, zones, face.look !== "live")),
  };
}

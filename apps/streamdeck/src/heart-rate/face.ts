import { type Zone, zoneColor } from "@pulsekit/core";
import type { LiveState } from "./live-heart-rate.js";

/** the number's colour outside every zone */
export const NEUTRAL_COLOUR = "#E6E6E6";
/** an old number, and the number's place while there is none */
export const OLD_COLOUR = "#6E6E6E";
/** where the number would be with no reading */
export const NO_NUMBER = "--";

/** what a key or dial shows for one view of the live heart rate, before it is drawn */
export type Face = {
  /** the bpm, or NO_NUMBER */
  number: string;
  /** the number's colour: the zone's (#RRGGBB or #RRGGBBAA), NEUTRAL_COLOUR or OLD_COLOUR */
  colour: string;
  /** live: a heart that beats; old: a clock beside a greyed number; none: no reading to show */
  look: "live" | "old" | "none";
  /** a few words beside the heart or clock: "BPM", "old 12s", "offline" */
  caption: string;
  /** which of the two heart sizes: flips with each reading */
  beat: 0 | 1;
  /** a problem in a word that fits a key; undefined leaves the key its own title */
  title?: string;
};

/** what a problem asks of the user, in words short enough for a key */
export const PROBLEM_TITLES = {
  signed_out: "Sign in",
  token_refused: "Sign in",
  no_plan: "No plan",
  missing_scope: "Allow HR",
  reconnecting: "Offline",
} as const;

/** how long ago, in the fewest characters: 12s, 4m, 2h */
export function ageText(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  return `${Math.floor(seconds / 3600)}h`;
}

/** the face for a state: the zone colour while live, greyed with its age when old, a short title for a problem */
export function faceFor(state: LiveState, zones: readonly Zone[], beats = 0): Face {
  const beat = (beats % 2) as 0 | 1;
  switch (state.state) {
    case "live": {
      const { bpm } = state.reading;
      return {
        number: String(bpm),
        colour: zoneColor(bpm, zones) ?? NEUTRAL_COLOUR,
        look: "live",
        caption: "BPM",
        beat,
      };
    }
    case "stale":
      return {
        number: state.reading ? String(state.reading.bpm) : NO_NUMBER,
        colour: OLD_COLOUR,
        look: state.reading ? "old" : "none",
        caption: state.reading ? `old ${ageText(state.silentForMs)}` : "no data",
        beat,
      };
    case "reconnecting":
      return {
        number: state.reading ? String(state.reading.bpm) : NO_NUMBER,
        colour: OLD_COLOUR,
        look: state.reading ? "old" : "none",
        caption: "offline",
        beat,
        title: PROBLEM_TITLES.reconnecting,
      };
    case "connecting":
      return { number: NO_NUMBER, colour: OLD_COLOUR, look: "none", caption: "connecting", beat };
    case "stopped":
      return { number: NO_NUMBER, colour: OLD_COLOUR, look: "none", caption: "", beat };
    default:
      return {
        number: NO_NUMBER,
        colour: OLD_COLOUR,
        look: "none",
        caption: "",
        beat,
        title: PROBLEM_TITLES[state.state],
      };
  }
}

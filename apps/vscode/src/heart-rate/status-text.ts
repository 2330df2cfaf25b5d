import { describeError, type HeartRateState } from "@pulsekit/core";
import { type StatusBarBackground, zoneBackground, zoneOf } from "./zones";

/** what the status bar item shows: core's states, and `signed_out` when no session is stored */
export type StatusBarState = HeartRateState | { state: "signed_out" };

/** what a click on the item offers: the readings so far, signing in, or the problem and how to fix it */
export type StatusBarClick = "summary" | "sign_in" | "problem";

/** the status bar item for a state: short text with a codicon, a tooltip that says more, a theme background */
export interface HeartRateStatus {
  text: string;
  tooltip: string;
  /** what a screen reader says for the item */
  accessibleLabel: string;
  backgroundColor?: StatusBarBackground;
  click: StatusBarClick;
}

const HEART = "$(heart)";
const TITLE = "Pulsoid heart rate";
const CHECK_MONITOR = "Check that your heart-rate monitor is on and sending to Pulsoid.";

/** a silence in the tooltip's words: "25 s", "3 min" */
export function silenceText(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return seconds < 120 ? `${seconds} s` : `${Math.floor(seconds / 60)} min`;
}

function zoneText(bpm: number): string {
  const where = zoneOf(bpm);
  return where ? `, zone ${where.number} of ${where.count} (${where.zone.from}–${where.zone.to} bpm)` : "";
}

/** the item's text, tooltip, background and click for a state */
export function heartRateStatus(state: StatusBarState): HeartRateStatus {
  switch (state.state) {
    case "live": {
      const { bpm } = state.reading;
      const background = zoneBackground(bpm);
      return {
        text: `${HEART} ${bpm}`,
        tooltip: `${TITLE}: ${bpm} bpm${zoneText(bpm)}. Click for the minimum, average and maximum.`,
        accessibleLabel: `Heart rate ${bpm} beats per minute`,
        ...(background ? { backgroundColor: background } : {}),
        click: "summary",
      };
    }
    case "stale": {
      const silence = silenceText(state.silentForMs);
      return state.reading
        ? {
            text: `${HEART} ${state.reading.bpm} $(clock)`,
            tooltip: `${TITLE}: no reading for ${silence}; ${state.reading.bpm} bpm is the last one. ${CHECK_MONITOR}`,
            accessibleLabel: `Heart rate, no reading for ${silence}, last ${state.reading.bpm} beats per minute`,
            click: "summary",
          }
        : {
            text: `${HEART} $(clock)`,
            tooltip: `${TITLE}: connected, no reading for ${silence}. ${CHECK_MONITOR}`,
            accessibleLabel: `Heart rate, no reading for ${silence}`,
            click: "summary",
          };
    }
    case "reconnecting": {
      const wait = Math.ceil(state.retryInMs / 1000);
      const last = state.reading ? ` The last reading was ${state.reading.bpm} bpm.` : "";
      const why = state.error ? ` ${describeError(state.error)}` : "";
      return {
        text: state.reading ? `${HEART} ${state.reading.bpm} $(sync~spin)` : `${HEART} $(sync~spin)`,
        tooltip: `${TITLE}: the connection to Pulsoid dropped; connecting again in ${wait} s (attempt ${state.attempt}).${why}${last}`,
        accessibleLabel: "Heart rate, reconnecting",
        click: "summary",
      };
    }
    case "connecting":
      return {
        text: `${HEART} $(loading~spin)`,
        tooltip: `${TITLE}: connecting (checking the token, then opening Pulsoid's live stream).`,
        accessibleLabel: "Heart rate, connecting",
        click: "summary",
      };
    case "signed_out":
      return {
        text: `${HEART} Sign in`,
        tooltip: `${TITLE}: not signed in. Click to sign in to Pulsoid or paste an access token.`,
        accessibleLabel: "Heart rate, sign in to Pulsoid",
        click: "sign_in",
      };
    case "token_refused":
      return {
        text: `${HEART} Sign in`,
        tooltip: `${TITLE}: ${describeError(state.error)} Click to sign in again; the token is kept until you sign out.`,
        accessibleLabel: "Heart rate, sign in to Pulsoid again",
        click: "problem",
      };
    case "missing_scope":
      return {
        text: `${HEART} Sign in`,
        tooltip: `${TITLE}: ${describeError(state.error)} Click to sign in again.`,
        accessibleLabel: "Heart rate, permission missing, sign in again",
        click: "problem",
      };
    case "no_plan":
      return {
        text: `${HEART} No plan`,
        tooltip: `${TITLE}: ${describeError(state.error)}`,
        accessibleLabel: "Heart rate, not included in the Pulsoid plan",
        click: "problem",
      };
    case "stopped":
      return { text: HEART, tooltip: `${TITLE}: stopped.`, accessibleLabel: "Heart rate, stopped", click: "summary" };
  }
}

import { describeError } from "@pulsekit/core";
import { ageText } from "./face.js";
import type { LiveState } from "./live-heart-rate.js";

/** the connection as the Heart Rate inspector shows it: a headline and what to do */
export type LiveStatus = { state: LiveState["state"]; headline: string; detail: string };

/** the headline and the sentence for a state; a problem's sentence is core's, which says what to do next */
export function describeLive(state: LiveState): LiveStatus {
  const status = (headline: string, detail: string): LiveStatus => ({ state: state.state, headline, detail });
  switch (state.state) {
    case "live":
      return status("Live", "Readings are arriving from Pulsoid.");
    case "stale":
      return status(
        state.reading ? `No new reading for ${ageText(state.silentForMs)}` : "Connected, no reading yet",
        "The key greys the last number. Check that your heart-rate monitor is on and sending to Pulsoid.",
      );
    case "reconnecting":
      return status(
        "Reconnecting",
        `The connection to Pulsoid dropped; trying again in ${Math.ceil(state.retryInMs / 1000)} s (attempt ${state.attempt}).${state.error ? ` ${describeError(state.error)}` : ""}`,
      );
    case "connecting":
      return status("Connecting…", "Checking the token and opening Pulsoid's live stream.");
    case "signed_out":
      return status(
        "Not signed in",
        "Sign in (or paste a token) in a Create Widget key's settings; the key shows Sign in until then.",
      );
    case "token_refused":
      return status("Sign in again", `${describeError(state.error)} The token is kept until you sign out.`);
    case "no_plan":
      return status("No plan", describeError(state.error));
    case "missing_scope":
      return status("Heart-rate access missing", describeError(state.error));
    case "stopped":
      return status("Stopped", "No Heart Rate key is on the deck.");
  }
}

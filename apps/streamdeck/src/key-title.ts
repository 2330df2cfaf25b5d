import { describeError, isPulsoidError } from "@pulsekit/core";
import { NotSignedInError } from "./not-signed-in-error.js";
import { StepTimeoutError } from "./with-timeout.js";

/** the title a key shows while its press runs */
export const PROGRESS_TITLES = ["Creating", "Creating.", "Creating..", "Creating..."] as const;

/** the title a key shows after a widget was created */
export const SUCCESS_TITLE = "Created";

/** the short title (fits a key) for why a press failed; the full sentence goes to the log and the inspector */
export function titleForError(error: unknown): string {
  if (error instanceof NotSignedInError) return "Sign in";
  if (error instanceof StepTimeoutError) return "Retry";
  if (!isPulsoidError(error)) return "Retry";
  // pressing again is safe: the next press looks for that widget before it makes one
  if (error.mayHaveCreated) return "Check";
  switch (error.kind) {
    case "unauthorized":
    case "insufficient_scope":
      return "Sign in";
    case "payment_required":
      return "No plan";
    case "network":
      return "Offline";
    case "invalid_input":
      return "Settings";
    default:
      return "Retry";
  }
}

/** the full sentence for a failed press, for the log and the inspector: what happened and what to do */
export function describePressFailure(error: unknown): string {
  if (error instanceof NotSignedInError) return error.message;
  if (error instanceof StepTimeoutError) {
    return `${error.message} Press the key again; if it keeps happening, restart the Stream Deck app.`;
  }
  if (isPulsoidError(error) && error.mayHaveCreated && error.unfinishedCreate) {
    return `${describeError(error)} Pressing the key again looks for it first and makes no second one.`;
  }
  return describeError(error);
}

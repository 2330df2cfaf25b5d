import { describeError, isPulsoidError, type NextStep, nextStep } from "@pulsekit/core";
import { NotSignedInError } from "./not-signed-in-error.js";
import { StepTimeoutError } from "./with-timeout.js";

/** the title a key shows while its press runs */
export const PROGRESS_TITLES = ["Creating", "Creating.", "Creating..", "Creating..."] as const;

/** the title a key shows after a widget was created */
export const SUCCESS_TITLE = "Created";

/** core's next step after a failed press, in words short enough for a key */
const STEP_TITLES: Record<NextStep, string> = {
  none: "Stopped",
  // pressing again is safe: the next press looks for that widget before it makes one
  check_widgets: "Check",
  sign_in: "Sign in",
  upgrade_plan: "No plan",
  fix_input: "Settings",
  reconnect: "Offline",
  check_address: "Retry",
  try_again: "Retry",
};

/** the short title (fits a key) for why a press failed; the full sentence goes to the log and the inspector */
export function titleForError(error: unknown): string {
  if (error instanceof NotSignedInError) return STEP_TITLES.sign_in;
  if (error instanceof StepTimeoutError) return STEP_TITLES.try_again;
  return STEP_TITLES[nextStep(error).step];
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

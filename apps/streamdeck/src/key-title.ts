import { describeError, isPulsoidError, type NextStep, nextStep } from "@pulsekit/core";
import { isObsError, type ObsErrorKind } from "@pulsekit/obs";
import { NotSignedInError } from "./not-signed-in-error.js";
import type { ObsPlacement } from "./place-in-obs.js";
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

/** the title after a widget was created and put into OBS: a new browser source, or the one of its name pointed at it */
export const OBS_SUCCESS_TITLES = { created: "Added\nto OBS", updated: "Updated\nin OBS" } as const;

/** the widget was created but OBS did not take it: each title names OBS, apart from every create failure's */
const OBS_FAILURE_TITLES: Record<ObsErrorKind, string> = {
  unreachable: "No OBS",
  timeout: "No OBS",
  auth_failed: "OBS\npassword",
  unknown_scene: "OBS\nscene?",
  too_old: "Old OBS",
  disconnected: "OBS?",
  failed: "OBS?",
};

/** the short title for how putting the widget into OBS went */
export function titleForObsPlacement(placement: ObsPlacement): string {
  if (placement.ok) return OBS_SUCCESS_TITLES[placement.result.action];
  return isObsError(placement.error) ? OBS_FAILURE_TITLES[placement.error.kind] : "OBS?";
}

/** the full sentence for the OBS part of a press, for the log and the inspector */
export function describeObsPlacement(placement: ObsPlacement): string {
  if (placement.ok) {
    const { action, inputName, scene } = placement.result;
    return action === "created"
      ? `Added to OBS: the browser source "${inputName}" in the scene "${scene}".`
      : `Updated in OBS: the browser source "${inputName}" in the scene "${scene}" now shows this widget (a source of that name was there, so no second one was added).`;
  }
  const { error } = placement;
  if (isObsError(error)) return `Not added to OBS. ${error.message}`;
  const reason = error instanceof Error ? error.message : String(error);
  return `Not added to OBS: ${reason} Press the key again, or add a Browser source in OBS with the URL above.`;
}

import { isPulsoidError } from "./errors.js";

/**
 * what the user should do after a failure, in words no host owns; each app turns it into its own
 * vocabulary (an exit code, notification buttons, a key title)
 */
export type NextStep =
  /** nothing: the user cancelled */
  | "none"
  /** the widget may exist already: look at the list before creating again */
  | "check_widgets"
  /** the token was refused or lacks a scope: sign in again or set another token */
  | "sign_in"
  /** the account's plan does not allow this */
  | "upgrade_plan"
  /** what was typed or configured is wrong; `field` names it */
  | "fix_input"
  /** Pulsoid could not be reached: check the connection, then retry */
  | "reconnect"
  /** the address answered, but not as Pulsoid would: check the API address setting, then retry */
  | "check_address"
  /** Pulsoid was slow, busy or failing: try again in a moment */
  | "try_again";

/** the next step for an error, whether trying the same call again is safe and sensible, and the field at fault */
export interface NextStepAdvice {
  step: NextStep;
  /** true when repeating the same call can help and cannot duplicate anything */
  canRetry: boolean;
  /** with fix_input: the field to fix, e.g. "configuration.heartColor" */
  field?: string;
}

const RETRYABLE_STEPS: ReadonlySet<NextStep> = new Set(["reconnect", "check_address", "try_again"]);

function stepFor(error: unknown): NextStep {
  // anything PulseKit did not foresee: trying again is the only thing a user can do
  if (!isPulsoidError(error)) return "try_again";
  // a repeat could make a second widget, unless the app hands over error.unfinishedCreate; this holds for a
  // create the user cancelled after it was sent too
  if (error.mayHaveCreated) return "check_widgets";
  if (error.cancelled) return "none";
  switch (error.kind) {
    case "unauthorized":
    case "insufficient_scope":
      return "sign_in";
    case "payment_required":
      return "upgrade_plan";
    case "invalid_input":
      return "fix_input";
    case "network":
      return "reconnect";
    case "not_found":
    case "invalid_response":
      return "check_address";
    case "timeout":
    case "server":
    case "rate_limited":
      return "try_again";
  }
}

/** the one table of what to do after each error; every app reads it instead of keeping its own */
export function nextStep(error: unknown): NextStepAdvice {
  const step = stepFor(error);
  const advice: NextStepAdvice = { step, canRetry: RETRYABLE_STEPS.has(step) };
  if (step === "fix_input" && isPulsoidError(error) && error.field !== undefined) advice.field = error.field;
  return advice;
}

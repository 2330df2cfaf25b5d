import { isPulsoidError, type NextStep, nextStep } from "@pulsekit/core";

/** a button offered next to an error message */
export type ErrorAction =
  | "Sign In Again"
  | "Set Access Token"
  | "Retry"
  | "Open Settings"
  | "Show Log"
  | "Show Widgets";

/** core's next step in VS Code's words: the buttons that take it, most useful first */
const BUTTONS: Record<NextStep, readonly ErrorAction[]> = {
  none: [],
  check_widgets: ["Show Widgets"],
  sign_in: ["Sign In Again", "Set Access Token"],
  upgrade_plan: [],
  fix_input: [],
  reconnect: ["Retry", "Open Settings"],
  check_address: ["Retry", "Open Settings"],
  try_again: ["Retry", "Show Log"],
};

/** the buttons that fix an error, most useful first; Retry only when the command can run again and it may help */
export function errorActions(error: unknown, options: { canRetry: boolean }): ErrorAction[] {
  const advice = nextStep(error);
  // a user preset is fixed where it lives, in the settings
  if (advice.step === "fix_input") return advice.field?.startsWith("presets") ? ["Open Settings"] : [];
  const retry = options.canRetry && advice.canRetry;
  return BUTTONS[advice.step].filter((button) => retry || button !== "Retry");
}

/** true when Pulsoid refused the token itself (the stored token is then marked, never deleted) */
export function isTokenRefused(error: unknown): boolean {
  return isPulsoidError(error) && error.kind === "unauthorized";
}

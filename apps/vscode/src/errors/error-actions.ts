import { isPulsoidError } from "@pulsekit/core";

/** a button offered next to an error message */
export type ErrorAction =
  | "Sign In Again"
  | "Set Access Token"
  | "Retry"
  | "Open Settings"
  | "Show Log"
  | "Show Widgets";

/** the buttons that fix an error, most useful first */
export function errorActions(error: unknown, options: { canRetry: boolean }): ErrorAction[] {
  if (!isPulsoidError(error)) return options.canRetry ? ["Retry", "Show Log"] : ["Show Log"];
  // a retry could make a second widget: the user checks the list first (the input is kept to resume)
  if (error.mayHaveCreated) return ["Show Widgets"];
  switch (error.kind) {
    case "unauthorized":
    case "insufficient_scope":
      return ["Sign In Again", "Set Access Token"];
    case "network":
    case "invalid_response":
    case "not_found":
      return options.canRetry ? ["Retry", "Open Settings"] : ["Open Settings"];
    case "timeout":
    case "server":
    case "rate_limited":
      return options.canRetry ? ["Retry", "Show Log"] : ["Show Log"];
    case "invalid_input":
      return error.field?.startsWith("presets") ? ["Open Settings"] : [];
    default:
      return options.canRetry && error.retryable ? ["Retry"] : [];
  }
}

/** true when Pulsoid refused the token itself (the stored token is then marked, never deleted) */
export function isTokenRefused(error: unknown): boolean {
  return isPulsoidError(error) && error.kind === "unauthorized";
}

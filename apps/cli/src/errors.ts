import { describeError, isPulsoidError, type NextStep, nextStep } from "@pulsekit/core";
import { CliError } from "./cli-error.js";
import { ExitCode } from "./exit-codes.js";
import { plainText } from "./terminal-text.js";

/** core's next step after a failure, as an exit code */
const exitCodes: Record<NextStep, ExitCode> = {
  none: ExitCode.interrupted,
  fix_input: ExitCode.usage,
  sign_in: ExitCode.signedOut,
  check_widgets: ExitCode.failed,
  upgrade_plan: ExitCode.failed,
  reconnect: ExitCode.failed,
  check_address: ExitCode.failed,
  try_again: ExitCode.failed,
};

/** the exit code for a failure: bad input 2, token missing or refused 3, Ctrl-C 130, anything else 1 */
export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof CliError) return error.exitCode;
  // 130 tells how the run ended, whatever the next step: a create stopped in flight points to the widget list
  if (isPulsoidError(error) && error.cancelled) return ExitCode.interrupted;
  return exitCodes[nextStep(error).step];
}

/** the one sentence a user sees for a failure, without the control characters Pulsoid's part may carry */
export function messageFor(error: unknown): string {
  return plainText(error instanceof CliError ? error.message : describeError(error));
}

const cliErrorKinds: Record<ExitCode, string> = {
  [ExitCode.ok]: "none",
  [ExitCode.failed]: "failed",
  [ExitCode.usage]: "invalid_input",
  [ExitCode.signedOut]: "not_signed_in",
  [ExitCode.interrupted]: "cancelled",
};

/** a JSON-safe summary of a failure for --json output */
export function errorJson(error: unknown): Record<string, unknown> {
  const summary: Record<string, unknown> = { message: messageFor(error), exitCode: exitCodeFor(error) };
  if (isPulsoidError(error)) {
    summary.kind = error.kind;
    summary.nextStep = nextStep(error).step;
    if (error.status !== undefined) summary.status = error.status;
    if (error.code !== undefined) summary.code = error.code;
    if (error.field !== undefined) summary.field = error.field;
    if (error.missingScopes !== undefined) summary.missingScopes = error.missingScopes;
    if (error.mayHaveCreated) summary.mayHaveCreated = true;
    if (error.cancelled) summary.cancelled = true;
  } else if (error instanceof CliError) {
    summary.kind = error.details.kind ?? cliErrorKinds[error.exitCode];
    if (error.field !== undefined) summary.field = error.field;
    if (error.details.scenes !== undefined) summary.scenes = error.details.scenes;
  }
  return summary;
}

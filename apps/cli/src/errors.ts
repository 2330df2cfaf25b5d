import { describeError, isPulsoidError } from "@pulsekit/core";
import { CliError } from "./cli-error.js";
import { ExitCode } from "./exit-codes.js";
import { plainText } from "./terminal-text.js";

/** the exit code for a failure: bad input 2, token missing or refused 3, Ctrl-C 130, anything else 1 */
export function exitCodeFor(error: unknown): ExitCode {
  if (error instanceof CliError) return error.exitCode;
  if (isPulsoidError(error)) {
    if (error.cancelled) return ExitCode.interrupted;
    switch (error.kind) {
      case "invalid_input":
        return ExitCode.usage;
      case "unauthorized":
      case "insufficient_scope":
        return ExitCode.signedOut;
      default:
        return ExitCode.failed;
    }
  }
  return ExitCode.failed;
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
    if (error.status !== undefined) summary.status = error.status;
    if (error.code !== undefined) summary.code = error.code;
    if (error.field !== undefined) summary.field = error.field;
    if (error.missingScopes !== undefined) summary.missingScopes = error.missingScopes;
    if (error.mayHaveCreated) summary.mayHaveCreated = true;
    if (error.cancelled) summary.cancelled = true;
  } else if (error instanceof CliError) {
    summary.kind = cliErrorKinds[error.exitCode];
    if (error.field !== undefined) summary.field = error.field;
  }
  return summary;
}

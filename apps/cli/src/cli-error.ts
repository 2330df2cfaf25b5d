import { ExitCode } from "./exit-codes.js";

/** what a CliError adds to a --json error: a kind of its own (an OBS failure's) and the scenes OBS has */
export interface CliErrorDetails {
  kind?: string;
  scenes?: string[];
}

/** a failure the CLI itself detects, carrying the sentence to show and the exit code */
export class CliError extends Error {
  override readonly name = "CliError";

  constructor(
    message: string,
    readonly exitCode: ExitCode,
    readonly field?: string,
    readonly details: CliErrorDetails = {},
  ) {
    super(message);
  }
}

/** bad arguments or input: exit code 2 */
export function usageError(message: string, field?: string): CliError {
  return new CliError(message, ExitCode.usage, field);
}

/** no usable token: exit code 3 */
export function signedOutError(message: string): CliError {
  return new CliError(message, ExitCode.signedOut);
}

/** the user pressed Ctrl-C */
export function interruptedError(message: string): CliError {
  return new CliError(message, ExitCode.interrupted);
}

/** what went wrong talking to OBS */
export type ObsErrorKind =
  | "unreachable"
  | "auth_failed"
  | "unknown_scene"
  | "too_old"
  | "disconnected"
  | "timeout"
  | "failed";

/** every kind, for exhaustive handling in apps */
export const OBS_ERROR_KINDS: readonly ObsErrorKind[] = [
  "unreachable",
  "auth_failed",
  "unknown_scene",
  "too_old",
  "disconnected",
  "timeout",
  "failed",
];

/** details an `ObsError` may carry besides its sentence */
export interface ObsErrorDetails {
  /** the OBS address tried, without any credentials in it */
  address: string;
  /** OBS's close code or request status code, when OBS gave one */
  code?: number;
  /** the scenes OBS has, for `unknown_scene` */
  scenes?: string[];
  cause?: unknown;
}

/** an OBS failure with a kind and a sentence a streamer can act on; never carries the password */
export class ObsError extends Error {
  override readonly name = "ObsError";
  readonly kind: ObsErrorKind;
  readonly address: string;
  readonly code: number | undefined;
  readonly scenes: string[] | undefined;

  constructor(kind: ObsErrorKind, message: string, details: ObsErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.address = details.address;
    this.code = details.code;
    this.scenes = details.scenes;
  }
}

/** true for an `ObsError`, optionally of one kind */
export function isObsError(error: unknown, kind?: ObsErrorKind): error is ObsError {
  return error instanceof ObsError && (kind === undefined || error.kind === kind);
}

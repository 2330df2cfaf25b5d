import { fieldLabelSentenceStart } from "./field-label.js";

/** what went wrong, in terms an app can act on */
export type PulsoidErrorKind =
  | "unauthorized"
  | "payment_required"
  | "insufficient_scope"
  | "not_found"
  | "rate_limited"
  | "server"
  | "network"
  | "timeout"
  | "invalid_response"
  | "invalid_input";

/**
 * a create that may have reached Pulsoid: what was asked for and which widget ids existed before it was sent.
 * An app keeps it (it holds no secret) and hands it to the next createWidget, which looks before creating again
 */
export interface UnfinishedCreate {
  name: string;
  metaId: string;
  configuration: Record<string, unknown>;
  existingIds: string[];
}

/** the details a PulsoidError can carry; never a token */
export interface PulsoidErrorDetails {
  status?: number;
  code?: string;
  retryable?: boolean;
  field?: string;
  missingScopes?: string[];
  mayHaveCreated?: boolean;
  /** with mayHaveCreated: what to pass to the next createWidget so it finds the widget instead of making another */
  unfinishedCreate?: UnfinishedCreate;
  /** the caller cancelled the call (kind "timeout": it ended before Pulsoid answered) */
  cancelled?: boolean;
  retryAfterMs?: number;
  cause?: unknown;
}

const RETRYABLE_KINDS: ReadonlySet<PulsoidErrorKind> = new Set(["rate_limited", "server", "network", "timeout"]);

/** the one error type every PulseKit call throws; `message` is the sentence a user sees */
export class PulsoidError extends Error {
  override readonly name = "PulsoidError";
  readonly kind: PulsoidErrorKind;
  readonly status?: number;
  readonly code?: string;
  readonly retryable: boolean;
  readonly field?: string;
  readonly missingScopes?: string[];
  readonly mayHaveCreated?: boolean;
  readonly unfinishedCreate?: UnfinishedCreate;
  readonly cancelled?: boolean;
  readonly retryAfterMs?: number;

  constructor(kind: PulsoidErrorKind, message: string, details: PulsoidErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.retryable = details.retryable ?? RETRYABLE_KINDS.has(kind);
    if (details.status !== undefined) this.status = details.status;
    if (details.code !== undefined) this.code = details.code;
    if (details.field !== undefined) this.field = details.field;
    if (details.missingScopes !== undefined) this.missingScopes = details.missingScopes;
    if (details.mayHaveCreated !== undefined) this.mayHaveCreated = details.mayHaveCreated;
    if (details.unfinishedCreate !== undefined) this.unfinishedCreate = details.unfinishedCreate;
    if (details.cancelled !== undefined) this.cancelled = details.cancelled;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
  }

  /** a copy of this error with more details, e.g. once a create turned out to be ambiguous */
  with(details: PulsoidErrorDetails, message = this.message): PulsoidError {
    return new PulsoidError(this.kind, message, {
      status: this.status,
      code: this.code,
      retryable: this.retryable,
      field: this.field,
      missingScopes: this.missingScopes,
      mayHaveCreated: this.mayHaveCreated,
      unfinishedCreate: this.unfinishedCreate,
      cancelled: this.cancelled,
      retryAfterMs: this.retryAfterMs,
      cause: this.cause,
      ...details,
    });
  }
}

/** narrows an unknown error to a PulsoidError */
export function isPulsoidError(error: unknown): error is PulsoidError {
  return error instanceof PulsoidError;
}

/** an invalid_input error naming the field in a user's words (its path stays in `field`) and the rule */
export function invalidInput(field: string, rule: string): PulsoidError {
  return new PulsoidError("invalid_input", `${fieldLabelSentenceStart(field)} ${rule}`, { field, retryable: false });
}

const MAY_HAVE_CREATED =
  " The widget may have been created anyway: list your widgets before trying again, so you do not end up with two.";

/** the sentence a user sees for any error, saying what happened and what to do next; never contains a token */
export function describeError(error: unknown): string {
  if (isPulsoidError(error)) {
    const sentence = error.message;
    return error.mayHaveCreated && !sentence.includes("may have been created") ? sentence + MAY_HAVE_CREATED : sentence;
  }
  const name = error instanceof Error ? error.name : typeof error;
  return `PulseKit ran into an unexpected problem (${name}). Try again; if it keeps happening, report it with the steps that led to it.`;
}

import { PulsoidError, type PulsoidErrorKind } from "./errors.js";
import { errorBodySchema } from "./schema.js";

/** what each documented Pulsoid error code means for the user */
const CODE_KINDS: Record<string, PulsoidErrorKind> = {
  "7001": "server",
  "7002": "server",
  "7003": "server",
  "7004": "server",
  "7005": "unauthorized",
  "7006": "unauthorized",
  "7007": "payment_required",
  "7009": "unauthorized",
  "7010": "unauthorized",
  "7011": "insufficient_scope",
  "6001": "unauthorized",
  "6002": "server",
  "6003": "insufficient_scope",
};

const UNAUTHORIZED_REASONS: Record<string, string> = {
  "7005": "Pulsoid does not know this access token",
  "7006": "The Pulsoid access token has expired",
  "7009": "The request reached Pulsoid without an access token",
  "7010": "The access token was sent in a form Pulsoid does not accept",
};

const MAX_RETRY_AFTER_MS = 60_000;

/** reads Retry-After (seconds or an HTTP date) in milliseconds, capped at a minute */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(trimmed)) ms = Number(trimmed) * 1000;
  else {
    const date = Date.parse(trimmed);
    if (Number.isNaN(date)) return undefined;
    ms = date - now;
  }
  return Math.min(Math.max(0, Math.round(ms)), MAX_RETRY_AFTER_MS);
}

function kindForStatus(status: number): PulsoidErrorKind {
  if (status === 401 || status === 403) return "unauthorized";
  if (status === 402) return "payment_required";
  if (status === 404) return "not_found";
  if (status === 408) return "timeout";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "server";
  return "invalid_input";
}

function sentenceFor(
  kind: PulsoidErrorKind,
  status: number,
  code: string | undefined,
  message: string | undefined,
  retryAfterMs: number | undefined,
): string {
  const detail = message ? ` (${message})` : ` (HTTP ${status})`;
  switch (kind) {
    case "unauthorized": {
      const reason = (code && UNAUTHORIZED_REASONS[code]) ?? "Pulsoid refused the access token";
      return `${reason}${detail}. Sign in again or set a new access token.`;
    }
    case "payment_required":
      return `This needs a paid Pulsoid plan (BRO)${detail}. Upgrade the Pulsoid account, or sign in with one that has the plan.`;
    case "insufficient_scope":
      return `The access token is missing a permission this action needs${detail}. Sign in again and allow widget access.`;
    case "not_found":
      return `Pulsoid could not find that widget${detail}. List your widgets to pick one that exists.`;
    case "rate_limited": {
      const wait = retryAfterMs ? `Wait ${Math.ceil(retryAfterMs / 1000)} s` : "Wait a moment";
      return `Pulsoid is limiting how fast requests may come${detail}. ${wait} and try again.`;
    }
    case "server":
      return `Pulsoid failed to handle the request${detail}. Try again in a moment.`;
    case "timeout":
      return `Pulsoid did not answer in time${detail}. Try again in a moment.`;
    default:
      return `Pulsoid did not accept the request${detail}. Check what you entered and try again.`;
  }
}

/** turns an HTTP error answer from the Pulsoid API into a PulsoidError, by error_code first, then status */
export function errorFromResponse(status: number, body: unknown, retryAfterHeader?: string | null): PulsoidError {
  const parsed = errorBodySchema.safeParse(body);
  const code = parsed.success ? parsed.data.error_code : undefined;
  const message = parsed.success ? parsed.data.error_message : undefined;
  const kind = (code !== undefined ? CODE_KINDS[code] : undefined) ?? kindForStatus(status);
  const retryAfterMs = parseRetryAfter(retryAfterHeader);
  return new PulsoidError(kind, sentenceFor(kind, status, code, message, retryAfterMs), {
    status,
    ...(code === undefined ? {} : { code }),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

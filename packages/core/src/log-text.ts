import type { RequestEvent } from "./http.js";

/** what stands in a log or output for a secret */
export const HIDDEN = "[hidden]";

/** the shortest value treated as a secret; shorter strings would blank out ordinary words */
const MIN_SECRET_LENGTH = 4;

/** one log line for a request: method, path, status (or the failure), duration and attempt */
export function formatRequestEvent(event: RequestEvent): string {
  const outcome = event.status !== undefined ? String(event.status) : (event.errorKind ?? "no answer");
  const retry = event.attempt > 1 ? ` (attempt ${event.attempt})` : "";
  return `${event.method} ${event.path} -> ${outcome} in ${Math.round(event.durationMs)} ms${retry}`;
}

/**
 * text with every known secret replaced by [hidden], as it is and as it looks inside a JSON string, plus
 * whatever follows "Bearer " and the values of token-like query parameters
 */
export function redactSecrets(text: string, secrets: Iterable<string> = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1)])) out = out.split(form).join(HIDDEN);
  }
  return out
    .replace(/(Bearer\s+)(?!\[hidden\])[^\s"']+/gi, `$1${HIDDEN}`)
    .replace(/([?&](?:access_token|refresh_token|token|device_code)=)(?!\[hidden\])[^&\s"']+/gi, `$1${HIDDEN}`);
}

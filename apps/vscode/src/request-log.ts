import type { RequestEvent } from "@pulsekit/core";

/** one line of the Pulsoid output channel for a request: method, path, status, duration */
export function formatRequestEvent(event: RequestEvent): string {
  const outcome = event.status !== undefined ? String(event.status) : (event.errorKind ?? "no answer");
  const retry = event.attempt > 1 ? ` (attempt ${event.attempt})` : "";
  return `${event.method} ${event.path} ${outcome} ${Math.round(event.durationMs)} ms${retry}`;
}

/** replaces every occurrence of the given secrets (and anything after "Bearer ") with a placeholder */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text.replace(/(Bearer\s+)[^\s"']+/gi, "$1[redacted]");
  for (const secret of secrets) {
    if (secret.length >= 4) result = result.split(secret).join("[redacted]");
  }
  return result.replace(/([?&](?:access_token|token|device_code)=)[^&\s]+/gi, "$1[redacted]");
}

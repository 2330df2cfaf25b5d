import { type $Fetch, createFetch } from "ofetch";
import { PulsoidError, type PulsoidErrorKind } from "./errors.js";
import { type Operation, stoppedError } from "./operation.js";

/** one request as it went out, for logs and output channels; never carries a token or a body */
export interface RequestEvent {
  method: string;
  path: string;
  status?: number;
  durationMs: number;
  errorKind?: PulsoidErrorKind;
  attempt: number;
}

/** how PulseKit talks HTTP: where, with which fetch, how long to wait, who to tell */
export interface HttpContext {
  baseUrl: string;
  /** the ofetch instance, made once per client by httpContext() */
  fetcher: $Fetch;
  timeoutMs: number;
  onRequest?: (event: RequestEvent) => void;
  /** waits for a slot under the client-side rate limit */
  throttle?: () => Promise<void>;
}

/** a request to send: a JSON body or a form, with an optional bearer token */
export interface HttpRequest {
  method: "GET" | "POST";
  path: string;
  json?: unknown;
  form?: Record<string, string>;
  token?: string;
  attempt?: number;
}

/** what came back: the status, Retry-After, and the body parsed as JSON when it was JSON */
export interface HttpResponse {
  status: number;
  retryAfter: string | null;
  body: unknown;
  /** false when the body was not JSON */
  json: boolean;
}

// connection failures where the request never left this machine, so retrying a create is safe
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT", "ENETUNREACH"]);
/** the code of a call stopped (cancelled, out of time) before its request went out */
const STOPPED_BEFORE_SENDING = "ERR_NOT_SENT";

/** true when a request failed before it could reach Pulsoid, so sending it again cannot duplicate anything */
export function wasNeverSent(error: PulsoidError): boolean {
  if (error.code === STOPPED_BEFORE_SENDING) return true;
  return error.kind === "network" && error.code !== undefined && NOT_SENT_CODES.has(error.code);
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** the innermost error, without ofetch's wrapper (which holds the request options, headers included) */
function lowLevelCause(error: unknown): unknown {
  const cause = (error as { cause?: unknown } | undefined)?.cause;
  return cause ?? undefined;
}

const hostOf = (baseUrl: string) => {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
};

/** an HTTP context with its ofetch instance built once, so each request only pays for the request */
export function httpContext(options: Omit<HttpContext, "fetcher"> & { fetch?: typeof fetch }): HttpContext {
  const { fetch: customFetch, ...rest } = options;
  return { ...rest, fetcher: createFetch({ fetch: customFetch ?? ((input, init) => globalThis.fetch(input, init)) }) };
}

/**
 * sends one request; network failures and timeouts become PulsoidError, HTTP errors are returned as responses.
 * within an operation the request waits no longer than the operation has left, and ends when it is cancelled
 */
export async function sendRequest(
  context: HttpContext,
  request: HttpRequest,
  operation?: Operation,
): Promise<HttpResponse> {
  if (context.throttle) await context.throttle();
  if (operation?.signal.aborted || (operation && operation.remaining() === 0)) {
    throw stoppedError(operation).with({ code: STOPPED_BEFORE_SENDING });
  }
  const headers: Record<string, string> = { accept: "application/json" };
  if (request.token !== undefined) headers.authorization = `Bearer ${request.token}`;
  let body: string | undefined;
  if (request.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(request.json);
  } else if (request.form !== undefined) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(request.form).toString();
  }

  const timeoutMs = Math.min(context.timeoutMs, operation?.remaining() ?? context.timeoutMs);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const stop = () => controller.abort();
  operation?.signal.addEventListener("abort", stop, { once: true });
  const started = Date.now();
  const attempt = request.attempt ?? 1;
  const report = (status?: number, errorKind?: PulsoidErrorKind) =>
    context.onRequest?.({
      method: request.method,
      path: request.path,
      durationMs: Date.now() - started,
      attempt,
      ...(status === undefined ? {} : { status }),
      ...(errorKind === undefined ? {} : { errorKind }),
    });

  try {
    const response = await context.fetcher.raw(context.baseUrl + request.path, {
      method: request.method,
      headers,
      body,
      signal: controller.signal,
      retry: false,
      ignoreResponseError: true,
      responseType: "text",
    });
    const text = typeof response._data === "string" ? response._data : "";
    let parsed: unknown;
    let json = false;
    if (text.length > 0) {
      try {
        parsed = JSON.parse(text);
        json = true;
      } catch {
        parsed = undefined;
      }
    }
    report(response.status);
    // Retry-After only means something on an error (429, 503)
    const retryAfter = response.status >= 400 ? response.headers.get("retry-after") : null;
    return { status: response.status, retryAfter, body: parsed, json };
  } catch (error) {
    const host = hostOf(context.baseUrl);
    if (operation?.signal.aborted && !timedOut) {
      report(undefined, "timeout");
      throw stoppedError(operation);
    }
    if (timedOut) {
      report(undefined, "timeout");
      // cut short by the call's deadline: say how long the whole call waited, not this request's share
      if (operation && timeoutMs < context.timeoutMs) throw stoppedError(operation);
      throw new PulsoidError(
        "timeout",
        `Pulsoid (${host}) did not answer within ${Math.max(1, Math.round(timeoutMs / 1000))} s. Check your connection and try again.`,
      );
    }
    const code = errorCode(error);
    report(undefined, "network");
    throw new PulsoidError(
      "network",
      `Could not reach Pulsoid at ${host}${code ? ` (${code})` : ""}. Check your internet connection and try again.`,
      { cause: lowLevelCause(error), ...(code ? { code } : {}) },
    );
  } finally {
    clearTimeout(timer);
    operation?.signal.removeEventListener("abort", stop);
  }
}

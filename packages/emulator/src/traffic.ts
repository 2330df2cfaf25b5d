import { setTimeout as sleep } from "node:timers/promises";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import type { Context, Next } from "hono";
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import { EMULATOR_ERRORS, errorBody, sendError } from "./errors.js";
import type { PendingFault } from "./faults.js";
import { describeBody, describeQuery } from "./request-log.js";
import type { AppEnv, EmulatorState } from "./state.js";

/** true for the test hooks, which are neither logged nor subject to faults */
export const isHookPath = (path: string) => path === "/__emulator" || path.startsWith("/__emulator/");

const isApiPath = (path: string) => path.startsWith("/api/") || path.startsWith("/oauth2/");

/** a 200 body that matches none of the documented response shapes */
const wrongShapeBody = { unexpected: true, note: "malformed answer injected by a fault" };

/** the largest request body the emulator reads: 1 MiB */
export const MAX_BODY_BYTES = 1024 * 1024;

/** adds a non-hook request to the log, its body and query redacted */
function logRequest(c: Context<AppEnv>, state: EmulatorState, status: number | null, rawBody: string) {
  const body = describeBody(c.req.header("content-type"), rawBody);
  const query = describeQuery(new URL(c.req.url).searchParams);
  return state.log.add({
    method: c.req.method,
    path: c.req.path,
    status,
    ...(body === undefined ? {} : { body }),
    ...(query === undefined ? {} : { query }),
  });
}

/**
 * answers 413 to a body over MAX_BODY_BYTES without reading it whole: by its Content-Length up front,
 * a chunked one as soon as it passes the limit
 */
export function bodyLimitMiddleware(state: EmulatorState) {
  return bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => {
      if (isHookPath(c.req.path)) {
        return c.json({ error: "invalid_hook_request", message: "the request body is over 1 MiB" }, 413);
      }
      logRequest(c, state, 413, "");
      const { code, message } = EMULATOR_ERRORS.requestBodyTooLarge;
      return sendError(c, state.config, 413, code, message);
    },
  });
}

/** reads the body once, logs every non-hook request, and applies faults and the rate limit */
export function trafficMiddleware(state: EmulatorState) {
  return createMiddleware<AppEnv>(async (c, next) => {
    c.set("rawBody", await c.req.text());
    c.set("unanswered", false);
    if (isHookPath(c.req.path)) return next();
    const entry = logRequest(c, state, null, c.get("rawBody"));
    const fault = state.faults.take(c.req.method, c.req.path);
    const response = fault ? await applyFault(c, next, state, fault) : await limitRate(c, next, state);
    if (!c.get("unanswered")) entry.status = (response ?? c.res).status;
    return response;
  });
}

async function limitRate(c: Context<AppEnv>, next: Next, state: EmulatorState): Promise<Response | undefined> {
  const limit = state.config.rateLimitPerSecond;
  if (limit !== null && isApiPath(c.req.path)) {
    const now = Date.now();
    state.recentApiRequests = state.recentApiRequests.filter((at) => now - at < 1000);
    if (state.recentApiRequests.length >= limit) {
      return new Response(null, { status: 429, headers: { "Retry-After": "1" } });
    }
    state.recentApiRequests.push(now);
  }
  await next();
  return undefined;
}

async function applyFault(
  c: Context<AppEnv>,
  next: Next,
  state: EmulatorState,
  fault: PendingFault,
): Promise<Response | undefined> {
  if (fault.delayMs) await sleep(fault.delayMs);
  if (fault.hang) {
    // tell the node adapter the answer is taken care of, then never write one
    c.set("unanswered", true);
    return RESPONSE_ALREADY_SENT;
  }
  const headers: Record<string, string> = fault.retryAfter === undefined ? {} : { "Retry-After": fault.retryAfter };
  if (fault.status !== undefined) {
    if (fault.errorCode === undefined) return new Response(null, { status: fault.status, headers });
    const body = JSON.stringify(errorBody(state.config, fault.errorCode));
    return new Response(body, { status: fault.status, headers: { ...headers, "Content-Type": "application/json" } });
  }
  if (fault.malformed === "json") {
    return c.body('{"widget": {"id": "truncated', 200, { ...headers, "Content-Type": "application/json" });
  }
  if (fault.malformed) return c.json(wrongShapeBody, 200, headers);
  await next();
  if (fault.retryAfter !== undefined) c.res.headers.set("Retry-After", fault.retryAfter);
  if (fault.resetAfterStore) {
    c.env?.incoming?.socket?.destroy();
    c.set("unanswered", true);
    c.res = undefined;
    c.res = RESPONSE_ALREADY_SENT;
  }
  return undefined;
}

import { createMiddleware } from "hono/factory";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { sendError } from "./errors.js";
import type { AppEnv, EmulatorState } from "./state.js";
import type { StoredToken } from "./store.js";

/** why a token was refused: the status and documented error code to answer */
export interface TokenRefusal {
  status: ContentfulStatusCode;
  code: number;
}

/** checks a token value (and the scope, when one is given); returns the stored token or the refusal */
export function checkTokenValue(
  state: EmulatorState,
  value: string,
  scope?: string,
): { token: StoredToken } | { refusal: TokenRefusal } {
  const refused = state.config.refusedStatus;
  const token = state.store.findToken(value);
  if (!token) return { refusal: { status: refused, code: 7005 } };
  if (token.expiresAt <= Date.now()) return { refusal: { status: refused, code: 7006 } };
  if (scope && !token.scopes.includes(scope)) return { refusal: { status: 400, code: 7011 } };
  return { token };
}

/** checks an Authorization header the way Pulsoid documents it; returns the stored token or the refusal */
export function checkAuthorization(
  state: EmulatorState,
  header: string | undefined,
  scope?: string,
): { token: StoredToken } | { refusal: TokenRefusal } {
  const refused = state.config.refusedStatus;
  if (header === undefined || header.trim() === "") return { refusal: { status: refused, code: 7009 } };
  const match = /^Bearer ([^\s]+)$/i.exec(header.trim());
  if (!match?.[1]) return { refusal: { status: refused, code: 7010 } };
  return checkTokenValue(state, match[1], scope);
}

/** checks the bearer token (and the scope, when one is given) the way Pulsoid documents it */
export function requireToken(state: EmulatorState, scope?: string) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const checked = checkAuthorization(state, c.req.header("authorization"), scope);
    if ("refusal" in checked) return sendError(c, state.config, checked.refusal.status, checked.refusal.code);
    c.set("token", checked.token);
    await next();
  });
}

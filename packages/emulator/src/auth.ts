import { createMiddleware } from "hono/factory";
import { sendError } from "./errors.js";
import type { AppEnv, EmulatorState } from "./state.js";

/** checks the bearer token (and the scope, when one is given) the way Pulsoid documents it */
export function requireToken(state: EmulatorState, scope?: string) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const refused = state.config.refusedStatus;
    const header = c.req.header("authorization");
    if (header === undefined || header.trim() === "") return sendError(c, state.config, refused, 7009);
    const match = /^Bearer ([^\s]+)$/i.exec(header.trim());
    if (!match?.[1]) return sendError(c, state.config, refused, 7010);
    const token = state.store.findToken(match[1]);
    if (!token) return sendError(c, state.config, refused, 7005);
    if (token.expiresAt <= Date.now()) return sendError(c, state.config, refused, 7006);
    if (scope && !token.scopes.includes(scope)) return sendError(c, state.config, 400, 7011);
    c.set("token", token);
    await next();
  });
}

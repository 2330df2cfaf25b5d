import { Hono } from "hono";
import { requireToken } from "../auth.js";
import type { AppEnv, EmulatorState } from "../state.js";

/** GET /api/v1/token/validate: who the token belongs to, its scopes and remaining lifetime */
export function tokenRoutes(state: EmulatorState) {
  const app = new Hono<AppEnv>();
  app.get("/validate", requireToken(state), (c) => {
    const token = c.get("token");
    return c.json({
      client_id: token.clientId,
      expires_in: Math.max(0, Math.floor((token.expiresAt - Date.now()) / 1000)),
      profile_id: token.profileId,
      scopes: token.scopes,
    });
  });
  return app;
}

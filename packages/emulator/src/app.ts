import { Hono } from "hono";
import { EMULATOR_ERRORS, sendError } from "./errors.js";
import { hookRoutes } from "./hooks.js";
import { activateRoutes } from "./routes/activate.js";
import { oauthRoutes } from "./routes/oauth.js";
import { heartRateRoutes, profileRoutes } from "./routes/profile.js";
import { tokenRoutes } from "./routes/token.js";
import { widgetRoutes } from "./routes/widgets.js";
import type { AppEnv, EmulatorState } from "./state.js";
import { bodyLimitMiddleware, isHookPath, trafficMiddleware } from "./traffic.js";

/** the emulator's routes: the documented API, OAuth, the consent page and the test hooks */
export function createApp(state: EmulatorState): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use("*", bodyLimitMiddleware(state));
  app.use("*", trafficMiddleware(state));
  app.route("/__emulator", hookRoutes(state));
  app.route("/api/v1/widgets", widgetRoutes(state));
  app.route("/api/v1/token", tokenRoutes(state));
  app.route("/api/v1/profile", profileRoutes(state));
  app.route("/api/v1/data/heart_rate", heartRateRoutes(state));
  app.route("/oauth2", oauthRoutes(state));
  app.route("/activate", activateRoutes(state));
  app.notFound((c) => {
    if (isHookPath(c.req.path)) {
      return c.json({ error: "invalid_hook_request", message: `no test hook at ${c.req.method} ${c.req.path}` }, 404);
    }
    const { code, message } = EMULATOR_ERRORS.routeNotFound;
    return sendError(c, state.config, 404, code, message);
  });
  app.onError((error, c) => {
    process.stderr.write(`pulsekit-emulator: ${c.req.method} ${c.req.path} failed: ${error.message}\n`);
    const { code, message } = EMULATOR_ERRORS.internalError;
    return sendError(c, state.config, 500, code, message);
  });
  return app;
}

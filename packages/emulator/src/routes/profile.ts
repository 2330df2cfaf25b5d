import { Hono } from "hono";
import { requireToken } from "../auth.js";
import { EMULATOR_ERRORS, sendError } from "../errors.js";
import type { AppEnv, EmulatorState } from "../state.js";

/** GET /api/v1/profile: the signed-in user's profile */
export function profileRoutes(state: EmulatorState) {
  const app = new Hono<AppEnv>();
  app.get("/", requireToken(state, "profile:read"), (c) => c.json(state.profile));
  return app;
}

/** GET /api/v1/data/heart_rate/latest: the latest reading, 412 while there is none */
export function heartRateRoutes(state: EmulatorState) {
  const app = new Hono<AppEnv>();
  app.get("/latest", requireToken(state, "data:heart_rate:read"), (c) => {
    const reading = state.heartRate;
    if (!reading) {
      const { code, message } = EMULATOR_ERRORS.noHeartRateYet;
      return sendError(c, state.config, 412, code, message);
    }
    if (c.req.query("response_mode") === "text_plain_only_heart_rate") return c.text(String(reading.heartRate));
    return c.json({ measured_at: reading.measuredAt, data: { heart_rate: reading.heartRate } });
  });
  return app;
}

import { Hono } from "hono";
import { codeEntryPage, consentPage, resultPage } from "../consent-page.js";
import type { AppEnv, EmulatorState } from "../state.js";

/** GET /activate: where a person approves or denies a device code */
export function activateRoutes(state: EmulatorState) {
  const app = new Hono<AppEnv>();
  app.get("/", (c) => {
    const userCode = c.req.query("user_code");
    if (!userCode) return c.html(codeEntryPage());
    const device = state.devices.byUserCode(userCode);
    if (!device)
      return c.html(codeEntryPage(`No sign-in request has the code ${userCode}; check it and try again.`), 404);
    if (Date.now() >= device.expiresAt) {
      return c.html(resultPage("Code expired", "This code has expired; start the sign-in again on your device."), 410);
    }
    if (device.status !== "pending") {
      return c.html(resultPage("Already answered", "This code was already answered; you can close this page."), 409);
    }
    return c.html(consentPage(device));
  });
  return app;
}

import { Hono } from "hono";
import { isPlainObject, jsonBody } from "./body.js";
import { applyConfigUpdate } from "./config.js";
import { resultPage } from "./consent-page.js";
import { parseFaultSpec } from "./faults.js";
import { parseHeartRateBody, parsePatternBody, recordReading } from "./heart-rate.js";
import { type AppEnv, type EmulatorState, issueToken, resetState, type TokenSeed } from "./state.js";
import type { StoredWidget } from "./store.js";

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === "string");

/** checks a token seed; returns it or a sentence saying what is wrong */
export function parseTokenSeed(body: unknown): { seed: TokenSeed } | { problem: string } {
  if (!isPlainObject(body)) return { problem: "the token body must be a JSON object" };
  const { token, scopes, expiresIn, expired, clientId } = body;
  if (!isStringArray(scopes)) return { problem: "scopes must be an array of strings" };
  if (token !== undefined && (typeof token !== "string" || !/^\S+$/.test(token))) {
    return { problem: "token must be a non-empty string without spaces" };
  }
  if (expiresIn !== undefined && !(typeof expiresIn === "number" && Number.isFinite(expiresIn) && expiresIn >= 0)) {
    return { problem: "expiresIn must be a number of seconds >= 0" };
  }
  if (expired !== undefined && typeof expired !== "boolean") return { problem: "expired must be a boolean" };
  if (clientId !== undefined && typeof clientId !== "string") return { problem: "clientId must be a string" };
  return { seed: { token, scopes, expiresIn, expired, clientId } as TokenSeed };
}

/** checks seeded widgets; returns them or a sentence saying what is wrong */
export function parseWidgetSeeds(
  body: unknown,
): { widgets: (Omit<StoredWidget, "id"> & { id?: string })[] } | { problem: string } {
  if (!isPlainObject(body) || !Array.isArray(body.widgets)) return { problem: 'the body must be {"widgets": [...]}' };
  for (const [index, widget] of body.widgets.entries()) {
    if (
      !isPlainObject(widget) ||
      (widget.id !== undefined && (typeof widget.id !== "string" || widget.id === "")) ||
      typeof widget.meta_id !== "string" ||
      typeof widget.name !== "string" ||
      !isPlainObject(widget.configuration)
    ) {
      return {
        problem: `widgets[${index}] must be {id?: string, meta_id: string, name: string, configuration: object}`,
      };
    }
  }
  return { widgets: body.widgets as (Omit<StoredWidget, "id"> & { id?: string })[] };
}

/** the test hooks under /__emulator (JSON in, JSON out; never logged) */
export function hookRoutes(state: EmulatorState) {
  const app = new Hono<AppEnv>();
  const problem = (message: string) => ({ error: "invalid_hook_request", message });

  app.post("/tokens", (c) => {
    const parsed = parseTokenSeed(jsonBody(c));
    if ("problem" in parsed) return c.json(problem(parsed.problem), 400);
    if (parsed.seed.token && state.store.findToken(parsed.seed.token)) {
      return c.json(problem("that token already exists"), 409);
    }
    return c.json({ token: issueToken(state, parsed.seed) });
  });

  app.get("/widgets", (c) => c.json({ widgets: state.store.widgets() }));
  app.post("/widgets", (c) => {
    const parsed = parseWidgetSeeds(jsonBody(c));
    if ("problem" in parsed) return c.json(problem(parsed.problem), 400);
    const ids = parsed.widgets.map((w) => w.id).filter((id) => id !== undefined);
    const taken = ids.find((id, index) => state.store.findWidget(id) || ids.indexOf(id) !== index);
    if (taken) return c.json(problem(`a widget with id ${taken} already exists`), 409);
    return c.json({ widgets: parsed.widgets.map((widget) => state.store.addWidget(widget)) });
  });

  app.get("/requests", (c) => c.json(state.log.list()));
  app.delete("/requests", (c) => {
    state.log.clear();
    return c.json({ cleared: true });
  });

  app.get("/faults", (c) => c.json(state.faults.list()));
  app.post("/faults", (c) => {
    const parsed = parseFaultSpec(jsonBody(c));
    if ("problem" in parsed) return c.json(problem(parsed.problem), 400);
    return c.json({ fault: state.faults.add(parsed.spec) });
  });
  app.delete("/faults", (c) => {
    state.faults.clear();
    return c.json({ cleared: true });
  });

  app.get("/config", (c) => c.json(state.config));
  app.post("/config", (c) => {
    const parsed = applyConfigUpdate(state.config, jsonBody(c));
    if ("problem" in parsed) return c.json(problem(parsed.problem), 400);
    state.config = parsed.config;
    return c.json(state.config);
  });

  app.post("/devices/:userCode/:decision{approve|deny}", (c) => {
    const fromPage = (c.req.header("content-type") ?? "").includes("application/x-www-form-urlencoded");
    const answer = (status: 200 | 404 | 409 | 410, title: string, message: string, body: object) =>
      fromPage ? c.html(resultPage(title, message), status) : c.json(body, status);
    const userCode = c.req.param("userCode");
    const device = state.devices.byUserCode(userCode);
    if (!device) {
      return answer(404, "Unknown code", `No sign-in request has the code ${userCode}.`, {
        error: "unknown_user_code",
        message: `no device authorization has the user code ${userCode}`,
      });
    }
    if (Date.now() >= device.expiresAt) {
      return answer(410, "Code expired", "This code has expired; start the sign-in again on your device.", {
        error: "expired_token",
        message: "the device code has expired",
      });
    }
    if (device.status !== "pending") {
      return answer(409, "Already answered", "This code was already answered; you can close this page.", {
        error: "already_answered",
        message: `the device authorization is already ${device.status}`,
      });
    }
    const approve = c.req.param("decision") === "approve";
    device.status = approve ? "approved" : "denied";
    return approve
      ? answer(200, "Approved", "Approved, you can close this page.", {
          user_code: device.userCode,
          status: "approved",
        })
      : answer(200, "Denied", "Denied. The device was not given access; you can close this page.", {
          user_code: device.userCode,
          status: "denied",
        });
  });

  app.get("/profile", (c) => c.json(state.profile));
  app.post("/profile", (c) => {
    const body = jsonBody(c);
    if (!isPlainObject(body)) return c.json(problem("the profile must be a JSON object"), 400);
    state.profile = body;
    return c.json(state.profile);
  });

  app.post("/heart-rate", (c) => {
    const parsed = parseHeartRateBody(jsonBody(c));
    if ("problem" in parsed) return c.json(problem(parsed.problem), 400);
    const { reading, sentTo } = recordReading(state, parsed.bpm);
    return c.json({ bpm: reading.heartRate, measuredAt: reading.measuredAt, sentTo });
  });

  app.post("/heart-rate/pattern", (c) => {
    const parsed = parsePatternBody(jsonBody(c));
    if ("problem" in parsed) return c.json(problem(parsed.problem), 400);
    return c.json(state.pattern.play(parsed.pattern, parsed.intervalMs));
  });

  // the first form of the heart-rate hook: a reading with its own time, or null for no data
  app.post("/heart_rate", (c) => {
    const body = jsonBody(c);
    if (!isPlainObject(body)) return c.json(problem('the body must be {"heartRate": number | null}'), 400);
    const { heartRate, measuredAt } = body;
    if (heartRate === null) {
      state.heartRate = null;
      return c.json({ heartRate: null });
    }
    if (typeof heartRate !== "number" || !Number.isInteger(heartRate) || heartRate < 0) {
      return c.json(problem("heartRate must be a whole number >= 0, or null for no data"), 400);
    }
    if (measuredAt !== undefined && !(typeof measuredAt === "number" && Number.isInteger(measuredAt))) {
      return c.json(problem("measuredAt must be epoch milliseconds"), 400);
    }
    return c.json(recordReading(state, heartRate, measuredAt ?? Date.now()).reading);
  });

  app.get("/real-time", (c) => c.json({ connections: state.realTime.size() }));
  app.post("/real-time/drop", (c) => c.json({ dropped: state.realTime.drop() }));

  app.post("/tokens/:token/revoke", (c) => {
    const token = c.req.param("token");
    if (!state.store.revokeToken(token)) return c.json(problem("no such token"), 404);
    return c.json({ revoked: true, closedConnections: state.realTime.closeToken(token) });
  });

  app.post("/reset", (c) => {
    resetState(state);
    return c.json({ reset: true });
  });

  app.notFound((c) => c.json(problem(`no test hook at ${c.req.method} ${c.req.path}`), 404));
  return app;
}

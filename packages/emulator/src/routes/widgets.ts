import { Hono } from "hono";
import { requireToken } from "../auth.js";
import { isJsonRequest, isPlainObject, jsonBody } from "../body.js";
import { EMULATOR_ERRORS, sendError } from "../errors.js";
import { BASIC_BPM_META_ID } from "../scopes.js";
import type { AppEnv, EmulatorState } from "../state.js";

const hasExactlyKeys = (value: Record<string, unknown>, keys: string[]) =>
  Object.keys(value).length === keys.length && keys.every((key) => key in value);

/** create, list and update widgets under /api/v1/widgets */
export function widgetRoutes(state: EmulatorState) {
  const app = new Hono<AppEnv>();
  const { invalidRequestBody, unsupportedMediaType, unsupportedMetaId, widgetNotFound, methodNotAllowed } =
    EMULATOR_ERRORS;
  const bad = (c: Parameters<typeof sendError>[0], error: { code: number; message: string }, status: 400 | 415) =>
    sendError(c, state.config, status, error.code, error.message);

  app.get("/", requireToken(state, "widgets:read"), (c) => {
    const widgets = state.store.widgets();
    return c.json(state.config.listShape === "array" ? widgets : { widgets });
  });

  app.post("/", requireToken(state, "widgets:update"), (c) => {
    if (!isJsonRequest(c)) return bad(c, unsupportedMediaType, 415);
    const body = jsonBody(c);
    if (
      !isPlainObject(body) ||
      !hasExactlyKeys(body, ["configuration", "name", "meta_id"]) ||
      !isPlainObject(body.configuration) ||
      typeof body.name !== "string" ||
      typeof body.meta_id !== "string"
    ) {
      return bad(c, invalidRequestBody, 400);
    }
    if (body.meta_id !== BASIC_BPM_META_ID) return bad(c, unsupportedMetaId, 400);
    const widget = state.store.addWidget({ meta_id: body.meta_id, configuration: body.configuration, name: body.name });
    return c.json({ widget });
  });

  app.post("/:id", requireToken(state, "widgets:update"), (c) => {
    if (!isJsonRequest(c)) return bad(c, unsupportedMediaType, 415);
    const body = jsonBody(c);
    if (!isPlainObject(body) || !hasExactlyKeys(body, ["configuration"]) || !isPlainObject(body.configuration)) {
      return bad(c, invalidRequestBody, 400);
    }
    const widget = state.store.replaceConfiguration(c.req.param("id"), body.configuration);
    if (!widget) return sendError(c, state.config, 404, widgetNotFound.code, widgetNotFound.message);
    return c.json({ widget });
  });

  // the docs name POST as the only way to update; anything else on these paths is refused
  app.all("/", (c) => {
    c.header("Allow", "GET, POST");
    return sendError(c, state.config, 405, methodNotAllowed.code, methodNotAllowed.message);
  });
  app.all("/:id", (c) => {
    c.header("Allow", "POST");
    return sendError(c, state.config, 405, methodNotAllowed.code, methodNotAllowed.message);
  });
  return app;
}

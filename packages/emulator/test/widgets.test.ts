import { describe, expect, it } from "vitest";
import { apiCall, BASIC_BPM, createBody, hook, OTHER_META, useEmulator } from "./fixtures.js";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("POST /api/v1/widgets", () => {
  const emulator = useEmulator();

  it("creates a widget and answers the documented shape", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:update"] });
    const response = await apiCall(emulator.current, "/api/v1/widgets", token, { body: createBody() });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = await response.json();
    expect(Object.keys(body)).toEqual(["widget"]);
    expect(Object.keys(body.widget)).toEqual(["id", "meta_id", "configuration", "name"]);
    expect(body.widget).toMatchObject({ meta_id: BASIC_BPM, name: "Test", configuration: { heartEnabled: false } });
    expect(body.widget.id).toMatch(uuid);
  });

  it("keeps unknown configuration keys exactly as sent", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:update", "widgets:read"] });
    const configuration = {
      heartEnabled: true,
      heartColor: "#FF0000FF",
      ranges: [{ from: 0, to: 100, color: "#00FF00FF" }],
      somethingNew: { nested: [1, "two", null] },
    };
    const created = await apiCall(emulator.current, "/api/v1/widgets", token, { body: createBody("X", configuration) });
    expect((await created.json()).widget.configuration).toEqual(configuration);
    const list = await (await apiCall(emulator.current, "/api/v1/widgets", token)).json();
    expect(list.widgets[0].configuration).toEqual(configuration);
  });

  it("gives every widget a new id", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:update"] });
    const a = await (await apiCall(emulator.current, "/api/v1/widgets", token, { body: createBody("a") })).json();
    const b = await (await apiCall(emulator.current, "/api/v1/widgets", token, { body: createBody("b") })).json();
    expect(a.widget.id).not.toBe(b.widget.id);
  });

  it("answers 415 with an error body when the body is not declared as JSON", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:update"] });
    const response = await apiCall(emulator.current, "/api/v1/widgets", token, {
      body: JSON.stringify(createBody()),
      headers: { "content-type": "text/plain" },
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({ error_code: 4150, error_message: "content_type_must_be_application_json" });
    expect(emulator.current.widgets()).toEqual([]);
  });

  it("accepts a charset parameter on the JSON content type", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:update"] });
    const response = await apiCall(emulator.current, "/api/v1/widgets", token, {
      body: createBody(),
      headers: { "content-type": "application/json; charset=utf-8" },
    });
    expect(response.status).toBe(200);
  });

  it.each([
    ["invalid JSON", "{not json"],
    ["an array", [createBody()]],
    ["a missing name", { meta_id: BASIC_BPM, configuration: {} }],
    ["a missing configuration", { meta_id: BASIC_BPM, name: "x" }],
    ["a configuration that is an array", { ...createBody(), configuration: [] }],
    ["a configuration that is null", { ...createBody(), configuration: null }],
    ["a name that is a number", { ...createBody(), name: 3 }],
    ["an extra key", { ...createBody(), id: "mine" }],
  ])("answers 400 invalid_request_body for %s", async (_label, body) => {
    const token = emulator.current.seedToken({ scopes: ["widgets:update"] });
    const response = await apiCall(emulator.current, "/api/v1/widgets", token, { body });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error_code: 4000, error_message: "invalid_request_body" });
    expect(emulator.current.widgets()).toEqual([]);
  });

  it("refuses any meta id but basic BPM", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:update"] });
    const response = await apiCall(emulator.current, "/api/v1/widgets", token, {
      body: { ...createBody(), meta_id: OTHER_META },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error_code: 4001, error_message: "unsupported_meta_id" });
  });

  it("needs widgets:update", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:read"] });
    const response = await apiCall(emulator.current, "/api/v1/widgets", token, { body: createBody() });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error_code: 7011, error_message: "error_invalid_scope" });
    expect(emulator.current.widgets()).toEqual([]);
  });
});

describe("GET /api/v1/widgets", () => {
  const emulator = useEmulator();

  it("lists widgets in creation order, other widget types included", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:update", "widgets:read"] });
    const seeded = await hook(emulator.current, "POST", "/widgets", {
      widgets: [{ id: "other-1", meta_id: OTHER_META, name: "Graph", configuration: { font: "Roboto" } }],
    });
    expect(seeded.status).toBe(200);
    const created = await (
      await apiCall(emulator.current, "/api/v1/widgets", token, { body: createBody("mine") })
    ).json();
    const response = await apiCall(emulator.current, "/api/v1/widgets", token);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      widgets: [
        { id: "other-1", meta_id: OTHER_META, configuration: { font: "Roboto" }, name: "Graph" },
        created.widget,
      ],
    });
  });

  it("answers a bare array when listShape is array", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:read"] });
    emulator.current.seedWidgets([{ meta_id: BASIC_BPM, name: "a", configuration: {} }]);
    expect((await hook(emulator.current, "POST", "/config", { listShape: "array" })).status).toBe(200);
    const body = await (await apiCall(emulator.current, "/api/v1/widgets", token)).json();
    expect(Array.isArray(body)).toBe(true);
    expect(body).toHaveLength(1);
    expect(body[0]).toMatchObject({ name: "a", meta_id: BASIC_BPM });
  });

  it("answers an empty list when there are no widgets", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:read"] });
    expect(await (await apiCall(emulator.current, "/api/v1/widgets", token)).json()).toEqual({ widgets: [] });
  });

  it("needs widgets:read", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:update"] });
    const response = await apiCall(emulator.current, "/api/v1/widgets", token);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error_code: 7011, error_message: "error_invalid_scope" });
  });
});

describe("POST /api/v1/widgets/{id}", () => {
  const emulator = useEmulator();

  it("replaces the configuration and answers the widget", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:update"] });
    const [widget] = emulator.current.seedWidgets([
      { id: "w1", meta_id: BASIC_BPM, name: "a", configuration: { heartEnabled: true, font: "Arial" } },
    ]);
    const response = await apiCall(emulator.current, `/api/v1/widgets/${widget?.id}`, token, {
      body: { configuration: { heartEnabled: false } },
    });
    expect(response.status).toBe(200);
    const expected = { id: "w1", meta_id: BASIC_BPM, configuration: { heartEnabled: false }, name: "a" };
    expect(await response.json()).toEqual({ widget: expected });
    expect(emulator.current.widgets()).toEqual([expected]);
  });

  it("updates widgets of other types too", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:update"] });
    emulator.current.seedWidgets([{ id: "o1", meta_id: OTHER_META, name: "g", configuration: {} }]);
    const response = await apiCall(emulator.current, "/api/v1/widgets/o1", token, {
      body: { configuration: { a: 1 } },
    });
    expect(response.status).toBe(200);
    expect((await response.json()).widget.configuration).toEqual({ a: 1 });
  });

  it("answers 404 widget_not_found for an unknown id", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:update"] });
    const response = await apiCall(emulator.current, "/api/v1/widgets/nope", token, { body: { configuration: {} } });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error_code: 4040, error_message: "widget_not_found" });
  });

  it.each([
    ["an extra key", { configuration: {}, name: "renamed" }],
    ["no configuration", {}],
    ["a configuration that is a string", { configuration: "x" }],
  ])("answers 400 for %s and keeps the widget", async (_label, body) => {
    const token = emulator.current.seedToken({ scopes: ["widgets:update"] });
    emulator.current.seedWidgets([{ id: "w1", meta_id: BASIC_BPM, name: "a", configuration: { heartEnabled: true } }]);
    const response = await apiCall(emulator.current, "/api/v1/widgets/w1", token, { body });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error_code: 4000, error_message: "invalid_request_body" });
    expect(emulator.current.widgets()[0]).toMatchObject({ name: "a", configuration: { heartEnabled: true } });
  });

  it("answers 415 without a JSON content type", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:update"] });
    emulator.current.seedWidgets([{ id: "w1", meta_id: BASIC_BPM, name: "a", configuration: {} }]);
    const response = await apiCall(emulator.current, "/api/v1/widgets/w1", token, {
      body: "configuration=x",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(response.status).toBe(415);
  });

  it.each(["PUT", "PATCH", "DELETE"])("answers 405 to %s", async (method) => {
    const token = emulator.current.seedToken({ scopes: ["widgets:update"] });
    emulator.current.seedWidgets([{ id: "w1", meta_id: BASIC_BPM, name: "a", configuration: {} }]);
    const response = await apiCall(emulator.current, "/api/v1/widgets/w1", token, {
      method,
      body: { configuration: { heartEnabled: false } },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(await response.json()).toEqual({ error_code: 4050, error_message: "method_not_allowed" });
    expect(emulator.current.widgets()[0]?.configuration).toEqual({});
  });

  it("needs widgets:update", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:read"] });
    emulator.current.seedWidgets([{ id: "w1", meta_id: BASIC_BPM, name: "a", configuration: {} }]);
    const response = await apiCall(emulator.current, "/api/v1/widgets/w1", token, {
      body: { configuration: { x: 1 } },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error_code: 7011, error_message: "error_invalid_scope" });
  });
});

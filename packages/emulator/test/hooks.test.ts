import { describe, expect, it } from "vitest";
import { emulatorHooks, seedToken } from "../src/index.js";
import { apiCall, BASIC_BPM, createBody, formPost, hook, OTHER_META, useEmulator } from "./fixtures.js";

describe("GET /__emulator/requests", () => {
  const emulator = useEmulator();

  it("logs every non-hook request in arrival order, without Authorization values", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:read", "widgets:update"] });
    await apiCall(emulator.current, "/api/v1/widgets", token, { body: createBody() });
    await apiCall(emulator.current, "/api/v1/widgets?page=2", token);
    await fetch(`${emulator.current.url}/activate`);
    await hook(emulator.current, "GET", "/widgets");
    const response = await hook(emulator.current, "GET", "/requests");
    const text = await response.text();
    expect(text).not.toContain(token);
    expect(JSON.parse(text)).toEqual([
      { method: "POST", path: "/api/v1/widgets", status: 200, body: createBody() },
      { method: "GET", path: "/api/v1/widgets", status: 200, query: { page: "2" } },
      { method: "GET", path: "/activate", status: 200 },
    ]);
  });

  it("redacts token values in form bodies and queries", async () => {
    const token = emulator.current.seedToken({ scopes: [] });
    await formPost(emulator.current, "/oauth2/revoke", { token });
    await fetch(`${emulator.current.url}/api/v1/data/real_time?access_token=${token}`);
    const text = await (await hook(emulator.current, "GET", "/requests")).text();
    expect(text).not.toContain(token);
    expect(JSON.parse(text)).toEqual([
      { method: "POST", path: "/oauth2/revoke", status: 200, body: { token: "[redacted]" } },
      { method: "GET", path: "/api/v1/data/real_time", status: 404, query: { access_token: "[redacted]" } },
    ]);
  });

  it("redacts device codes in token polls", async () => {
    const device = await (
      await formPost(emulator.current, "/oauth2/device_authorization", { client_id: "c", scope: "widgets:read" })
    ).json();
    const grantType = "urn:ietf:params:oauth:grant-type:device_code";
    await formPost(emulator.current, "/oauth2/token", {
      grant_type: grantType,
      device_code: device.device_code,
      client_id: "c",
    });
    const text = await (await hook(emulator.current, "GET", "/requests")).text();
    expect(text).not.toContain(device.device_code);
    expect(JSON.parse(text)[1]).toEqual({
      method: "POST",
      path: "/oauth2/token",
      status: 400,
      body: { grant_type: grantType, device_code: "[redacted]", client_id: "c" },
    });
  });

  it("records refused requests with their status", async () => {
    await apiCall(emulator.current, "/api/v1/token/validate", "unknown");
    expect(emulator.current.requests()).toEqual([{ method: "GET", path: "/api/v1/token/validate", status: 403 }]);
  });
});

describe("seeding hooks", () => {
  const emulator = useEmulator();

  it("seeds widgets of any type and lists them", async () => {
    const seeded = await hook(emulator.current, "POST", "/widgets", {
      widgets: [
        { meta_id: OTHER_META, name: "graph", configuration: { a: 1 } },
        { id: "fixed", meta_id: BASIC_BPM, name: "bpm", configuration: {} },
      ],
    });
    const { widgets } = await seeded.json();
    expect(widgets).toHaveLength(2);
    expect(widgets[0].id).toMatch(/^[0-9a-f-]{36}$/);
    expect(widgets[1]).toEqual({ id: "fixed", meta_id: BASIC_BPM, configuration: {}, name: "bpm" });
    expect(await (await hook(emulator.current, "GET", "/widgets")).json()).toEqual({ widgets });
  });

  it("refuses a widget without a name and a duplicate id", async () => {
    const missing = await hook(emulator.current, "POST", "/widgets", {
      widgets: [{ meta_id: BASIC_BPM, configuration: {} }],
    });
    expect(missing.status).toBe(400);
    expect((await missing.json()).message).toContain("widgets[0]");
    emulator.current.seedWidgets([{ id: "x", meta_id: BASIC_BPM, name: "a", configuration: {} }]);
    const duplicate = await hook(emulator.current, "POST", "/widgets", {
      widgets: [{ id: "x", meta_id: BASIC_BPM, name: "b", configuration: {} }],
    });
    expect(duplicate.status).toBe(409);
  });

  it("refuses a token without scopes", async () => {
    const response = await hook(emulator.current, "POST", "/tokens", { token: "x" });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toContain("scopes");
  });

  it("answers 404 for an unknown hook", async () => {
    expect((await hook(emulator.current, "GET", "/nothing")).status).toBe(404);
  });
});

describe("config hook", () => {
  const emulator = useEmulator();

  it("returns the defaults and applies partial updates", async () => {
    expect(await (await hook(emulator.current, "GET", "/config")).json()).toEqual({
      refusedStatus: 403,
      errorCodeType: "number",
      listShape: "object",
      deviceInterval: 3,
      deviceExpiresIn: 600,
      rateLimitPerSecond: null,
    });
    const updated = await hook(emulator.current, "POST", "/config", { refusedStatus: 401 });
    expect(await updated.json()).toMatchObject({ refusedStatus: 401, listShape: "object" });
  });

  it("refuses values it does not know", async () => {
    const response = await hook(emulator.current, "POST", "/config", { refusedStatus: 500 });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toContain("refusedStatus");
    expect((await (await hook(emulator.current, "GET", "/config")).json()).refusedStatus).toBe(403);
  });
});

describe("POST /__emulator/reset", () => {
  const emulator = useEmulator();

  it("empties widgets, tokens, faults, device codes and the log, and restores the config", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:update"] });
    await apiCall(emulator.current, "/api/v1/widgets", token, { body: createBody() });
    emulator.current.addFault({ path: "/nothing", status: 500 });
    await hook(emulator.current, "POST", "/config", { listShape: "array", deviceInterval: 0 });
    const device = await (
      await formPost(emulator.current, "/oauth2/device_authorization", { client_id: "c", scope: "widgets:read" })
    ).json();

    expect((await hook(emulator.current, "POST", "/reset")).status).toBe(200);

    expect(emulator.current.widgets()).toEqual([]);
    expect(await (await hook(emulator.current, "GET", "/faults")).json()).toEqual([]);
    expect((await (await hook(emulator.current, "GET", "/config")).json()).listShape).toBe("object");
    expect(await (await hook(emulator.current, "GET", "/requests")).json()).toEqual([]);
    expect((await apiCall(emulator.current, "/api/v1/token/validate", token)).status).toBe(403);
    expect((await hook(emulator.current, "POST", `/devices/${device.user_code}/approve`, {})).status).toBe(404);
  });
});

describe("emulatorHooks over HTTP", () => {
  const emulator = useEmulator();

  it("seeds a token and widgets, adds a fault, and reads the log", async () => {
    const hooks = emulatorHooks(`${emulator.current.url}/`);
    const token = await seedToken(emulator.current.url, ["widgets:read"]);
    await hooks.seedWidgets([{ meta_id: BASIC_BPM, name: "seeded", configuration: {} }]);
    await hooks.addFault({ status: 502, times: 1 });
    expect((await apiCall(emulator.current, "/api/v1/widgets", token)).status).toBe(502);
    const list = await (await apiCall(emulator.current, "/api/v1/widgets", token)).json();
    expect(list.widgets.map((w: { name: string }) => w.name)).toEqual(["seeded"]);
    expect((await hooks.requests()).map((r) => r.status)).toEqual([502, 200]);
    await hooks.reset();
    expect(await hooks.widgets()).toEqual([]);
  });

  it("throws with the hook's answer when a hook refuses", async () => {
    const hooks = emulatorHooks(emulator.current.url);
    await expect(hooks.configure({ listShape: "table" as "array" })).rejects.toThrow(/answered 400.*listShape/);
  });
});

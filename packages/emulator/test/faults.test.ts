import { describe, expect, it } from "vitest";
import { apiCall, createBody, hook, useEmulator } from "./fixtures.js";

describe("faults", () => {
  const emulator = useEmulator();

  it("answers a status with an error body when an errorCode is given, then behaves again", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:read"] });
    const added = await hook(emulator.current, "POST", "/faults", {
      method: "GET",
      path: "/api/v1/widgets",
      status: 402,
      errorCode: 7007,
    });
    expect(added.status).toBe(200);
    const failed = await apiCall(emulator.current, "/api/v1/widgets", token);
    expect(failed.status).toBe(402);
    expect(await failed.json()).toEqual({ error_code: 7007, error_message: "premium_required" });
    expect((await apiCall(emulator.current, "/api/v1/widgets", token)).status).toBe(200);
  });

  it("uses a generic message for a code outside the documented table", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:read"] });
    emulator.current.addFault({ status: 500, errorCode: 9999 });
    const response = await apiCall(emulator.current, "/api/v1/widgets", token);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error_code: 9999, error_message: "emulated_fault" });
  });

  it("answers 429 with an empty body and Retry-After", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:read"] });
    await hook(emulator.current, "POST", "/faults", { status: 429, retryAfter: "7" });
    const response = await apiCall(emulator.current, "/api/v1/widgets", token);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("7");
    expect(await response.text()).toBe("");
  });

  it("passes an HTTP date through as Retry-After", async () => {
    const date = "Wed, 21 Oct 2026 07:28:00 GMT";
    emulator.current.addFault({ status: 503, retryAfter: date });
    const response = await apiCall(emulator.current, "/api/v1/widgets", undefined);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe(date);
  });

  it("applies to the next `times` matching requests only", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:read"] });
    emulator.current.addFault({ path: "/api/v1/widgets", status: 502, times: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await apiCall(emulator.current, "/api/v1/widgets", token)).status);
    expect(statuses).toEqual([502, 502, 200]);
  });

  it("matches the method and a path prefix ending in *", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:read", "widgets:update"] });
    emulator.current.seedWidgets([{ id: "w1", meta_id: createBody().meta_id, name: "a", configuration: {} }]);
    emulator.current.addFault({ method: "POST", path: "/api/v1/widgets/*", status: 500 });
    expect((await apiCall(emulator.current, "/api/v1/widgets", token)).status).toBe(200);
    expect((await apiCall(emulator.current, "/api/v1/token/validate", token)).status).toBe(200);
    const update = await apiCall(emulator.current, "/api/v1/widgets/w1", token, { body: { configuration: {} } });
    expect(update.status).toBe(500);
  });

  it("lists pending faults with their remaining count and clears them", async () => {
    await hook(emulator.current, "POST", "/faults", { path: "/api/v1/widgets", status: 500, times: 3 });
    await apiCall(emulator.current, "/api/v1/widgets", undefined);
    expect(await (await hook(emulator.current, "GET", "/faults")).json()).toEqual([
      { path: "/api/v1/widgets", status: 500, times: 2 },
    ]);
    expect((await hook(emulator.current, "DELETE", "/faults")).status).toBe(200);
    expect(await (await hook(emulator.current, "GET", "/faults")).json()).toEqual([]);
    expect((await apiCall(emulator.current, "/api/v1/widgets", undefined)).status).toBe(403);
  });

  it("refuses a fault body it does not understand", async () => {
    const response = await hook(emulator.current, "POST", "/faults", { status: 500, hang: true });
    expect(response.status).toBe(400);
    expect((await response.json()).message).toContain("choose one");
    const unknown = await hook(emulator.current, "POST", "/faults", { stauts: 500 });
    expect(unknown.status).toBe(400);
  });

  it("delays before handling normally", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:read"] });
    emulator.current.addFault({ delayMs: 300 });
    const started = Date.now();
    const response = await apiCall(emulator.current, "/api/v1/widgets", token);
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("hangs until the client gives up, and logs no status", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:read"] });
    emulator.current.addFault({ hang: true });
    const started = Date.now();
    const outcome = await fetch(`${emulator.current.url}/api/v1/widgets`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(400),
    }).then(
      () => "answered",
      (error: Error) => error.name,
    );
    expect(outcome).toBe("TimeoutError");
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    expect(emulator.current.requests()).toEqual([{ method: "GET", path: "/api/v1/widgets", status: null }]);
    // the next request is answered normally
    expect((await apiCall(emulator.current, "/api/v1/widgets", token)).status).toBe(200);
  });

  it("closes promptly even while a request hangs", async () => {
    emulator.current.addFault({ hang: true });
    const pending = fetch(`${emulator.current.url}/api/v1/widgets`).then(
      () => "answered",
      () => "failed",
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await emulator.current.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await pending).toBe("failed");
  });

  it("stores the widget, then resets the connection without an answer", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:update"] });
    await hook(emulator.current, "POST", "/faults", { method: "POST", path: "/api/v1/widgets", resetAfterStore: true });
    const outcome = await apiCall(emulator.current, "/api/v1/widgets", token, { body: createBody("lost answer") }).then(
      () => "answered",
      (error: Error) => error.name,
    );
    expect(outcome).toBe("TypeError");
    const stored = await (await hook(emulator.current, "GET", "/widgets")).json();
    expect(stored.widgets.map((w: { name: string }) => w.name)).toEqual(["lost answer"]);
    expect(emulator.current.requests()[0]).toMatchObject({ method: "POST", path: "/api/v1/widgets", status: null });
  });

  it("answers a JSON body of the wrong shape when malformed is true", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:read"] });
    emulator.current.addFault({ malformed: true });
    const response = await apiCall(emulator.current, "/api/v1/widgets", token);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).not.toHaveProperty("widgets");
    expect(Array.isArray(body)).toBe(false);
  });

  it('answers invalid JSON text when malformed is "json"', async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:read"] });
    emulator.current.addFault({ malformed: "json" });
    const response = await apiCall(emulator.current, "/api/v1/widgets", token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    const text = await response.text();
    expect(() => JSON.parse(text)).toThrow();
  });

  it("applies to OAuth paths too", async () => {
    emulator.current.addFault({ path: "/oauth2/token", status: 503 });
    const response = await fetch(`${emulator.current.url}/oauth2/token`, { method: "POST" });
    expect(response.status).toBe(503);
  });

  it("never applies to the hooks themselves", async () => {
    emulator.current.addFault({ status: 500 });
    expect((await hook(emulator.current, "GET", "/widgets")).status).toBe(200);
    expect(await (await hook(emulator.current, "GET", "/faults")).json()).toHaveLength(1);
  });
});

describe("rate limit", () => {
  const emulator = useEmulator();

  it("answers 429 past rateLimitPerSecond API requests in a second", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:read"] });
    await hook(emulator.current, "POST", "/config", { rateLimitPerSecond: 2 });
    const responses = await Promise.all(
      Array.from({ length: 3 }, () => apiCall(emulator.current, "/api/v1/widgets", token)),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 429]);
    const limited = responses.find((r) => r.status === 429);
    expect(limited?.headers.get("retry-after")).toBe("1");
    expect(await limited?.text()).toBe("");
    await new Promise((resolve) => setTimeout(resolve, 1050));
    expect((await apiCall(emulator.current, "/api/v1/widgets", token)).status).toBe(200);
  });

  it("is off by default", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:read"] });
    const responses = await Promise.all(
      Array.from({ length: 30 }, () => apiCall(emulator.current, "/api/v1/widgets", token)),
    );
    expect(responses.every((r) => r.status === 200)).toBe(true);
  });
});

describe("closing while a delayed request waits", () => {
  const emulator = useEmulator();

  it("ends the waiting request and stays quiet when the delay runs out", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:read"] });
    emulator.current.addFault({ delayMs: 300 });
    const pending = apiCall(emulator.current, "/api/v1/widgets", token).then(
      () => "answered",
      () => "failed",
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    await emulator.current.close();
    expect(await pending).toBe("failed");
    // the handler wakes up after the close; nothing may throw
    await new Promise((resolve) => setTimeout(resolve, 400));
  });
});

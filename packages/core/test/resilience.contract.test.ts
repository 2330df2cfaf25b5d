import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { describeError } from "../src/index.js";
import { apiCalls, useEmulator } from "./emulator.js";
import { rejection } from "./reject.js";

const ctx = useEmulator();

describe("refused tokens", () => {
  it.each([401, 403] as const)("treats a %i as unauthorized", async (refusedStatus) => {
    ctx.emulator.configure({ refusedStatus });
    const { createPulsoidClient } = await import("../src/index.js");
    const client = createPulsoidClient({ token: "not-a-known-token", baseUrl: ctx.emulator.url });
    const error = await rejection(client.listWidgets());
    expect(error).toMatchObject({ kind: "unauthorized", status: refusedStatus, code: "7005", retryable: false });
    expect(describeError(error)).toMatch(/Sign in again/);
    expect(apiCalls(ctx.emulator)).toEqual(["GET /api/v1/widgets"]);
  });

  it.each(["string", "number"] as const)("reads error_code sent as a %s", async (errorCodeType) => {
    ctx.emulator.configure({ errorCodeType });
    const token = ctx.emulator.seedToken({ scopes: ["widgets:read"], expired: true });
    const { createPulsoidClient } = await import("../src/index.js");
    const error = await rejection(createPulsoidClient({ token, baseUrl: ctx.emulator.url }).validateToken());
    expect(error).toMatchObject({ kind: "unauthorized", code: "7006" });
    expect(error.message).toContain("expired");
  });
});

describe("faults", () => {
  it("retries a list after a 503 and succeeds", async () => {
    ctx.emulator.addFault({ method: "GET", path: "/api/v1/widgets", status: 503 });
    await expect(ctx.client().listWidgets()).resolves.toEqual([]);
    expect(ctx.emulator.requests().map((request) => request.status)).toEqual([503, 200]);
  });

  it("gives up after the retries with a server error", async () => {
    ctx.emulator.addFault({ path: "/api/v1/widgets", status: 500, times: 10 });
    const error = await rejection(ctx.client({ retry: { retries: 2, minDelayMs: 1, maxDelayMs: 2 } }).listWidgets());
    expect(error).toMatchObject({ kind: "server", status: 500, retryable: true });
    expect(ctx.emulator.requests()).toHaveLength(3);
  });

  it("retries a 429 without a body", async () => {
    ctx.emulator.addFault({ path: "/api/v1/token/validate", status: 429 });
    await expect(ctx.client().validateToken()).resolves.toMatchObject({ scopes: ["widgets:read", "widgets:update"] });
    expect(ctx.emulator.requests().map((request) => request.status)).toEqual([429, 200]);
  });

  it("waits at least as long as Retry-After says", async () => {
    ctx.emulator.addFault({ path: "/api/v1/widgets", status: 429, retryAfter: "1" });
    const started = Date.now();
    await ctx.client().listWidgets();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it("reads a 429 that carries an error body", async () => {
    ctx.emulator.addFault({ path: "/api/v1/widgets", status: 429, errorCode: 7011, times: 5 });
    const error = await rejection(ctx.client({ retry: false }).listWidgets());
    expect(error.kind).toBe("insufficient_scope");
  });

  it("reports payment_required for a 402", async () => {
    ctx.emulator.addFault({ path: "/api/v1/widgets", status: 402, errorCode: 7007 });
    const error = await rejection(ctx.client().createWidget({ name: "x", configuration: {} }));
    expect(error).toMatchObject({ kind: "payment_required", code: "7007", status: 402 });
    expect(ctx.emulator.requests()).toHaveLength(1);
  });

  it("times out on a hung list, then retries", async () => {
    ctx.emulator.addFault({ path: "/api/v1/widgets", hang: true });
    await expect(ctx.client({ timeoutMs: 300 }).listWidgets()).resolves.toEqual([]);
    expect(ctx.emulator.requests()).toHaveLength(2);
  });

  it("says timeout when Pulsoid never answers", async () => {
    ctx.emulator.addFault({ path: "/api/v1/token/validate", hang: true, times: 3 });
    const error = await rejection(ctx.client({ timeoutMs: 200, retry: { retries: 2, minDelayMs: 1 } }).validateToken());
    expect(error.kind).toBe("timeout");
    expect(describeError(error)).toMatch(/did not answer within/);
  });

  it.each([true, "json"] as const)("says invalid_response for a malformed body (%s)", async (malformed) => {
    ctx.emulator.addFault({ path: "/api/v1/widgets", malformed });
    const error = await rejection(ctx.client().listWidgets());
    expect(error).toMatchObject({ kind: "invalid_response", retryable: false });
    expect(ctx.emulator.requests()).toHaveLength(1);
  });

  it("says network when nothing listens", async () => {
    const { createPulsoidClient } = await import("../src/index.js");
    const client = createPulsoidClient({ token: "t0k3n-value", baseUrl: "http://127.0.0.1:1", retry: false });
    const error = await rejection(client.listWidgets());
    expect(error.kind).toBe("network");
    expect(describeError(error)).toMatch(/Could not reach Pulsoid at 127.0.0.1:1/);
  });
});

describe("the token stays secret", () => {
  it("appears in no error, no event and not in the client's string forms", async () => {
    const token = ctx.emulator.seedToken({ scopes: ["widgets:read"] });
    const { createPulsoidClient } = await import("../src/index.js");
    const events: unknown[] = [];
    const client = createPulsoidClient({
      token,
      baseUrl: ctx.emulator.url,
      timeoutMs: 200,
      retry: false,
      onRequest: (event) => events.push(event),
    });
    ctx.emulator.addFault({ path: "/api/v1/widgets", hang: true });
    const errors = [
      await rejection(client.listWidgets()),
      await rejection(client.createWidget({ name: "x", configuration: {} })),
      await rejection(client.updateWidget("nope", {})),
    ];
    const seen = [
      String(client),
      JSON.stringify(client),
      inspect(client, { depth: 10 }),
      JSON.stringify(events),
      ...errors.flatMap((error) => [error.message, describeError(error), inspect(error, { depth: 10 })]),
    ].join("\n");
    expect(seen).not.toContain(token);
    expect(events).toContainEqual(expect.objectContaining({ method: "GET", path: "/api/v1/widgets" }));
  });

  it("sends the token only in the Authorization header", async () => {
    await ctx.client().listWidgets();
    expect(JSON.stringify(ctx.emulator.requests())).not.toMatch(/Bearer/);
  });
});

describe("client-side rate limit", () => {
  it("keeps a burst under 20 requests per second", async () => {
    ctx.emulator.configure({ rateLimitPerSecond: 20 });
    const client = ctx.client({ retry: false });
    await Promise.all(Array.from({ length: 30 }, () => client.listWidgets()));
    expect(ctx.emulator.requests().every((request) => request.status === 200)).toBe(true);
  });
});

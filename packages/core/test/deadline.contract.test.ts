import { describe, expect, it } from "vitest";
import { createPulsoidClient, describeError } from "../src/index.js";
import { apiCalls, useEmulator } from "./emulator.js";
import { rejection } from "./reject.js";

const ctx = useEmulator();
const input = { name: "Deadline", configuration: { heartEnabled: true } };

/** how long a promise takes to settle, in ms */
async function timed(promise: Promise<unknown>): Promise<number> {
  const started = performance.now();
  await promise.catch(() => undefined);
  return performance.now() - started;
}

describe("every call ends by its deadline", () => {
  it("ends a create whose API never answers, check included, within the deadline", async () => {
    ctx.emulator.addFault({ path: "/api/v1/widgets", hang: true, times: 20 });
    const client = ctx.client({ timeoutMs: 10_000, deadlineMs: 600 });
    const call = client.createWidget(input);
    const took = await timed(call);
    const error = await rejection(call);
    expect(took).toBeLessThan(1_000);
    expect(error.kind).toBe("timeout");
  });

  it("ends a create within the deadline when only the create hangs, and says it may have been created", async () => {
    ctx.emulator.addFault({ method: "POST", path: "/api/v1/widgets", hang: true });
    const call = ctx.client({ timeoutMs: 10_000, deadlineMs: 500 }).createWidget(input);
    const took = await timed(call);
    const error = await rejection(call);
    expect(took).toBeLessThan(900);
    expect(error).toMatchObject({ kind: "timeout", mayHaveCreated: true });
    expect(describeError(error)).toMatch(/may have been created/);
  });

  it("does not sleep for a Retry-After that ends past the deadline", async () => {
    ctx.emulator.addFault({ path: "/api/v1/widgets", status: 429, retryAfter: "30" });
    const call = ctx.client({ deadlineMs: 2_000 }).listWidgets();
    const took = await timed(call);
    expect((await rejection(call)).kind).toBe("rate_limited");
    expect(took).toBeLessThan(500);
    expect(apiCalls(ctx.emulator)).toEqual(["GET /api/v1/widgets"]);
  });

  it("takes a deadline per call", async () => {
    ctx.emulator.addFault({ path: "/api/v1/token/validate", hang: true, times: 5 });
    const call = ctx.client({ timeoutMs: 10_000 }).validateToken({ deadlineMs: 300 });
    expect(await timed(call)).toBeLessThan(700);
  });
});

describe("every call can be cancelled", () => {
  it("stops a hanging list at once, with a cancelled timeout error", async () => {
    ctx.emulator.addFault({ path: "/api/v1/widgets", hang: true });
    const controller = new AbortController();
    const call = ctx.client({ timeoutMs: 10_000 }).listWidgets({ signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const took = await timed(call);
    expect(took).toBeLessThan(600);
    expect(await rejection(call)).toMatchObject({ kind: "timeout", cancelled: true, retryable: false });
  });

  it("says a create cancelled after it was sent may have been created, and sends nothing more", async () => {
    ctx.emulator.addFault({ method: "POST", path: "/api/v1/widgets", hang: true });
    const controller = new AbortController();
    const call = ctx.client({ timeoutMs: 10_000 }).createWidget(input, { signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    const error = await rejection(call);
    expect(error).toMatchObject({ kind: "timeout", cancelled: true, mayHaveCreated: true });
    expect(apiCalls(ctx.emulator)).toEqual(["GET /api/v1/widgets", "POST /api/v1/widgets"]);
  });

  it("sends nothing when cancelled before it starts", async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(ctx.client().createWidget(input, { signal: controller.signal }));
    expect(error).toMatchObject({ kind: "timeout", cancelled: true });
    expect(error.mayHaveCreated).not.toBe(true);
    expect(apiCalls(ctx.emulator)).toEqual([]);
  });
});

describe("the token goes only over https or to this machine", () => {
  it.each([
    "http://127.0.0.1:8080",
    "http://127.5.6.7",
    "http://localhost:3000",
    "http://[::1]:9000",
    "https://dev.pulsoid.net",
  ])("accepts %s", (baseUrl) => {
    expect(() => createPulsoidClient({ token: "t0ken", baseUrl })).not.toThrow();
  });

  it.each([
    "http://dev.pulsoid.net",
    "http://192.168.1.20:8080",
    "http://127.0.0.1.example.com",
    "ftp://127.0.0.1",
    "dev.pulsoid.net",
  ])("refuses %s with invalid_input before sending anything", async (baseUrl) => {
    let sent = 0;
    const fetch: typeof globalThis.fetch = async () => {
      sent++;
      return new Response("{}");
    };
    const error = await rejection(
      Promise.resolve().then(() => createPulsoidClient({ token: "t0ken", baseUrl, fetch })),
    );
    expect(error).toMatchObject({ kind: "invalid_input", field: "baseUrl" });
    expect(error.message).not.toContain("t0ken");
    expect(sent).toBe(0);
  });
});

describe("a deadline's message", () => {
  it("names the whole call's wait, not the last request's share of it", async () => {
    ctx.emulator.addFault({ path: "/api/v1/widgets", hang: true, times: 20 });
    const error = await rejection(ctx.client({ timeoutMs: 700, deadlineMs: 1_000 }).listWidgets());
    expect(error.kind).toBe("timeout");
    expect(describeError(error)).toMatch(/did not finish within 1 s/);
  });
});

import { describe, expect, it, vi } from "vitest";
import WebSocket from "ws";
import { createHeartRateSource, type HeartRateState, openWebSocketWith } from "../src/index.js";
import { useEmulator } from "./emulator.js";
import { rejection } from "./reject.js";

const ctx = useEmulator();

describe("getLatestHeartRate", () => {
  it("is null while Pulsoid has no reading (412), then the latest one", async () => {
    const client = ctx.client({}, ["data:heart_rate:read"]);
    expect(await client.getLatestHeartRate()).toBeNull();
    ctx.emulator.setHeartRate(77, 1_700_000_000_000);
    expect(await client.getLatestHeartRate()).toEqual({ bpm: 77, measuredAt: 1_700_000_000_000 });
    expect(ctx.emulator.requests().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "GET /api/v1/data/heart_rate/latest 412",
      "GET /api/v1/data/heart_rate/latest 200",
    ]);
  });

  it("names the missing permission when the token lacks data:heart_rate:read", async () => {
    const error = await rejection(ctx.client({}, ["widgets:read"]).getLatestHeartRate());
    expect(error).toMatchObject({ kind: "insufficient_scope", missingScopes: ["data:heart_rate:read"] });
    expect(error.message).toMatch(
      /^The access token is missing the permission data:heart_rate:read, which the live heart rate needs; widgets keep working\./,
    );
  });
});

describe("createHeartRateSource over the emulator's real-time stream", () => {
  /** Node's way to a WebSocket that can send the Authorization header */
  const openWebSocket = openWebSocketWith(WebSocket);

  function watch(token: string) {
    const states: HeartRateState[] = [];
    const source = createHeartRateSource({
      token,
      baseUrl: ctx.emulator.url,
      openWebSocket,
      backoff: { minMs: 20, maxMs: 100 },
    });
    const stop = source.subscribe((state) => states.push(state));
    const until = (what: string, test: (state: HeartRateState) => boolean, timeoutMs = 3000) =>
      new Promise<HeartRateState>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no ${what} within ${timeoutMs} ms: ${states.map((s) => s.state).join(", ")}`)),
          timeoutMs,
        );
        const check = setInterval(() => {
          const found = states.find(test);
          if (found) {
            clearTimeout(timer);
            clearInterval(check);
            resolve(found);
          }
        }, 5);
      });
    return { source, states, stop, until };
  }

  const connected = () =>
    new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (ctx.emulator.realTimeConnections() > 0) {
          clearInterval(check);
          resolve();
        }
      }, 5);
    });

  it("shows each pushed reading, and carries on after every connection is dropped", async () => {
    const { until, stop, states } = watch(ctx.token(["data:heart_rate:read"]));
    try {
      await connected();
      ctx.emulator.sendHeartRate(71);
      await until("71", (s) => s.state === "live" && s.reading.bpm === 71);
      expect(ctx.emulator.dropRealTime()).toBe(1);
      await until("reconnecting", (s) => s.state === "reconnecting");
      await connected();
      ctx.emulator.sendHeartRate(72);
      await until("72", (s) => s.state === "live" && s.reading.bpm === 72);
      expect(states.some((s) => s.state === "token_refused")).toBe(false);
    } finally {
      stop();
    }
    // the last subscriber leaving closes the stream (the close handshake takes a moment)
    await vi.waitFor(() => expect(ctx.emulator.realTimeConnections()).toBe(0), { timeout: 2000 });
  });

  it("stops reconnecting once the token is revoked, and asks for sign-in", async () => {
    const token = ctx.token(["data:heart_rate:read"]);
    const { until, stop } = watch(token);
    try {
      await connected();
      ctx.emulator.revokeToken(token);
      const refused = await until("token_refused", (s) => s.state === "token_refused");
      expect(refused.state === "token_refused" && refused.error.kind).toBe("unauthorized");
      const upgrades = ctx.emulator.requests().filter((r) => r.path === "/api/v1/data/real_time").length;
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(ctx.emulator.requests().filter((r) => r.path === "/api/v1/data/real_time").length).toBe(upgrades);
    } finally {
      stop();
    }
  });

  it("says which permission is missing instead of connecting", async () => {
    const { until, stop } = watch(ctx.token(["widgets:read", "widgets:update"]));
    try {
      await until("missing_scope", (s) => s.state === "missing_scope");
      expect(ctx.emulator.realTimeConnections()).toBe(0);
    } finally {
      stop();
    }
  });
});

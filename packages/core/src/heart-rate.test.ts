import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PulsoidError } from "./errors.js";
import {
  createHeartRateSource,
  DEFAULT_BACKOFF,
  type HeartRateState,
  realTimeUrl,
  reconnectDelay,
  type WebSocketLike,
  zoneColor,
} from "./heart-rate.js";
import type { TokenValidation } from "./schema.js";

class FakeSocket implements WebSocketLike {
  onopen: WebSocketLike["onopen"] = null;
  onmessage: WebSocketLike["onmessage"] = null;
  onclose: WebSocketLike["onclose"] = null;
  onerror: WebSocketLike["onerror"] = null;
  closed = false;
  constructor(
    readonly url: string,
    readonly headers: Record<string, string>,
  ) {}
  open() {
    this.onopen?.({});
  }
  send(bpm: number, measuredAt = Date.now()) {
    this.onmessage?.({ data: JSON.stringify({ measured_at: measuredAt, data: { heart_rate: bpm } }) });
  }
  drop() {
    this.onclose?.({ code: 1006 });
  }
  close() {
    this.closed = true;
  }
}

const validation = (scopes: string[]): TokenValidation => ({
  client_id: "c",
  expires_in: 3600,
  profile_id: "p",
  scopes,
});

function setUp(validate: () => Promise<TokenValidation> = async () => validation(["data:heart_rate:read"])) {
  const sockets: FakeSocket[] = [];
  const states: HeartRateState[] = [];
  const source = createHeartRateSource({
    token: "tok-secret",
    baseUrl: "https://dev.pulsoid.net",
    client: { validateToken: vi.fn(validate) },
    openWebSocket: (url, headers) => {
      const socket = new FakeSocket(url, headers);
      sockets.push(socket);
      return socket;
    },
  });
  const unsubscribe = source.subscribe((state) => states.push(state));
  const names = () => states.map((state) => state.state);
  return { source, sockets, states, names, unsubscribe };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("createHeartRateSource", () => {
  it("opens one stream with the token in a header, never in the URL, and goes live with each reading", async () => {
    const { sockets, states, names } = setUp();
    await vi.advanceTimersByTimeAsync(0);
    expect(sockets).toHaveLength(1);
    expect(sockets[0]?.url).toBe("wss://dev.pulsoid.net/api/v1/data/real_time");
    expect(sockets[0]?.headers).toEqual({ Authorization: "Bearer tok-secret" });
    sockets[0]?.open();
    sockets[0]?.send(72, 1000);
    expect(names()).toEqual(["stopped", "connecting", "live"]);
    expect(states.at(-1)).toMatchObject({ state: "live", reading: { bpm: 72, measuredAt: 1000 } });
  });

  it("says stale after ten seconds without a reading, and live again with the next", async () => {
    const { sockets, states, source } = setUp();
    await vi.advanceTimersByTimeAsync(0);
    sockets[0]?.open();
    sockets[0]?.send(80);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(source.current().state).toBe("live");
    await vi.advanceTimersByTimeAsync(1);
    expect(states.at(-1)).toMatchObject({ state: "stale", reading: { bpm: 80 }, silentForMs: 10_000 });
    sockets[0]?.send(81);
    expect(source.current()).toMatchObject({ state: "live", reading: { bpm: 81 } });
  });

  it("reconnects after a drop with growing waits, and the numbers continue", async () => {
    const { sockets, states, source } = setUp();
    await vi.advanceTimersByTimeAsync(0);
    sockets[0]?.open();
    sockets[0]?.send(70);
    sockets[0]?.drop();
    const first = states.at(-1);
    expect(first).toMatchObject({ state: "reconnecting", attempt: 1, reading: { bpm: 70 } });
    const wait = (first as { retryInMs: number }).retryInMs;
    expect(wait).toBeGreaterThanOrEqual(500);
    expect(wait).toBeLessThanOrEqual(1000);
    await vi.advanceTimersByTimeAsync(wait);
    expect(sockets).toHaveLength(2);
    sockets[1]?.drop();
    expect(source.current()).toMatchObject({ state: "reconnecting", attempt: 2 });
    await vi.advanceTimersByTimeAsync(2000);
    sockets[2]?.open();
    sockets[2]?.send(71);
    expect(source.current()).toMatchObject({ state: "live", reading: { bpm: 71 } });
    // a reading resets the backoff
    sockets[2]?.drop();
    expect(source.current()).toMatchObject({ state: "reconnecting", attempt: 1 });
  });

  it("keeps retrying while Pulsoid cannot be reached", async () => {
    let calls = 0;
    const { sockets, source } = setUp(async () => {
      calls += 1;
      if (calls < 3) throw new PulsoidError("network", "offline");
      return validation(["data:heart_rate:read"]);
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(source.current()).toMatchObject({ state: "reconnecting", attempt: 1, error: { kind: "network" } });
    await vi.advanceTimersByTimeAsync(DEFAULT_BACKOFF.maxMs * 2);
    expect(calls).toBe(3);
    expect(sockets).toHaveLength(1);
  });

  it.each([
    ["unauthorized", "token_refused"],
    ["payment_required", "no_plan"],
    ["insufficient_scope", "missing_scope"],
  ] as const)("stops for good when Pulsoid says %s, until retry()", async (kind, expected) => {
    let refuse = true;
    const { sockets, source } = setUp(async () => {
      if (refuse) throw new PulsoidError(kind, "no");
      return validation(["data:heart_rate:read"]);
    });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(source.current().state).toBe(expected);
    expect(sockets).toHaveLength(0);
    refuse = false;
    source.retry();
    await vi.advanceTimersByTimeAsync(0);
    expect(sockets).toHaveLength(1);
  });

  it("names the missing heart-rate permission, and that widgets keep working", async () => {
    const { source, sockets } = setUp(async () => validation(["widgets:read", "widgets:update"]));
    await vi.advanceTimersByTimeAsync(0);
    const state = source.current();
    expect(state.state).toBe("missing_scope");
    expect(state.state === "missing_scope" && state.error.message).toMatch(
      /missing the permission data:heart_rate:read.*widgets keep working/,
    );
    expect(sockets).toHaveLength(0);
  });

  it("ignores a message that is not a reading", async () => {
    const { sockets, source } = setUp();
    await vi.advanceTimersByTimeAsync(0);
    sockets[0]?.open();
    sockets[0]?.onmessage?.({ data: "not json" });
    sockets[0]?.onmessage?.({ data: JSON.stringify({ data: { heart_rate: "x" } }) });
    expect(source.current().state).toBe("connecting");
    sockets[0]?.onmessage?.({ data: "64" });
    expect(source.current()).toMatchObject({ state: "live", reading: { bpm: 64 } });
  });

  it("shares one stream among subscribers and closes it when the last one leaves", async () => {
    const { sockets, source, unsubscribe } = setUp();
    const seen: string[] = [];
    const second = source.subscribe((state) => seen.push(state.state));
    await vi.advanceTimersByTimeAsync(0);
    expect(sockets).toHaveLength(1);
    unsubscribe();
    expect(sockets[0]?.closed).toBe(false);
    second();
    expect(sockets[0]?.closed).toBe(true);
    expect(source.current().state).toBe("stopped");
    // nothing runs after the stop: no reconnect timer fires
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(1);
  });
});

describe("realTimeUrl", () => {
  it("uses wss for Pulsoid and ws only for this machine", () => {
    expect(realTimeUrl("https://dev.pulsoid.net/")).toBe("wss://dev.pulsoid.net/api/v1/data/real_time");
    expect(realTimeUrl("http://127.0.0.1:5055")).toBe("ws://127.0.0.1:5055/api/v1/data/real_time");
    expect(() => realTimeUrl("http://example.com")).toThrow(/only over https/);
  });
});

describe("reconnectDelay (property)", () => {
  it("stays between half the capped wait and the cap, and its cap never shrinks", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (n, r) => {
          const capped = Math.min(DEFAULT_BACKOFF.maxMs, DEFAULT_BACKOFF.minMs * 2 ** (n - 1));
          const delay = reconnectDelay(n, DEFAULT_BACKOFF, () => r);
          expect(delay).toBeGreaterThanOrEqual(Math.floor(capped / 2));
          expect(delay).toBeLessThanOrEqual(DEFAULT_BACKOFF.maxMs);
          expect(reconnectDelay(n + 1, DEFAULT_BACKOFF, () => 0.999_999)).toBeGreaterThanOrEqual(
            reconnectDelay(n, DEFAULT_BACKOFF, () => 0.999_999),
          );
        },
      ),
    );
  });
});

describe("zoneColor (property)", () => {
  const zone = fc
    .record({
      a: fc.integer({ min: 0, max: 300 }),
      b: fc.integer({ min: 0, max: 300 }),
      color: fc.constantFrom("#A", "#B", "#C"),
    })
    .map(({ a, b, color }) => ({ from: Math.min(a, b), to: Math.max(a, b), color }));

  it("gives the first zone holding the bpm, and nothing outside every zone", () => {
    fc.assert(
      fc.property(fc.array(zone, { maxLength: 6 }), fc.integer({ min: 0, max: 300 }), (zones, bpm) => {
        const color = zoneColor(bpm, zones);
        const holding = zones.filter((z) => bpm >= z.from && bpm <= z.to);
        expect(color).toBe(holding[0]?.color);
      }),
    );
  });

  it("colours the zones preset's ranges as a widget would", () => {
    const ranges = [
      { from: 0, to: 99, color: "#3FA9F5FF" },
      { from: 100, to: 139, color: "#7AC943FF" },
    ];
    expect(zoneColor(72, ranges)).toBe("#3FA9F5FF");
    expect(zoneColor(100, ranges)).toBe("#7AC943FF");
    expect(zoneColor(150, ranges)).toBeUndefined();
  });
});

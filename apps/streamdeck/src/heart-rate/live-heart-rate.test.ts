import { type HeartRateSource, type HeartRateState, PulsoidError } from "@pulsekit/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createLiveHeartRate, HISTORY_LENGTH, type LiveView } from "./live-heart-rate.js";

/** a core source a test drives: who listens, how often it was retried */
function fakeSource() {
  const listeners = new Set<(state: HeartRateState) => void>();
  let state: HeartRateState = { state: "stopped" };
  const source = {
    subscriptions: 0,
    retries: 0,
    listeners,
    emit(next: HeartRateState) {
      state = next;
      for (const listener of listeners) listener(next);
    },
    subscribe(listener: (s: HeartRateState) => void) {
      source.subscriptions++;
      listeners.add(listener);
      if (state.state === "stopped") state = { state: "connecting" };
      listener(state);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) state = { state: "stopped" };
      };
    },
    current: () => state,
    retry() {
      source.retries++;
    },
  } satisfies HeartRateSource & Record<string, unknown>;
  return source;
}

const reading = (bpm: number, receivedAt = Date.now()) => ({ bpm, measuredAt: receivedAt, receivedAt });
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.useRealTimers();
});

describe("the plugin's live heart rate", () => {
  it("opens one stream for every key and closes it when the last key leaves", async () => {
    const source = fakeSource();
    const live = createLiveHeartRate({ source: async () => source, log: () => {} });
    const first: LiveView[] = [];
    const second: LiveView[] = [];
    const stopFirst = live.watch((v) => first.push(v));
    const stopSecond = live.watch((v) => second.push(v));
    await flush();
    expect(source.subscriptions).toBe(1);
    source.emit({ state: "live", reading: reading(70) });
    expect(first.at(-1)?.state).toMatchObject({ state: "live" });
    expect(second.at(-1)).toEqual(first.at(-1));
    stopFirst();
    expect(source.listeners.size).toBe(1);
    stopSecond();
    expect(source.listeners.size).toBe(0);
    expect(live.current().state.state).toBe("stopped");
  });

  it("keeps the last readings and counts the beats", async () => {
    const source = fakeSource();
    const live = createLiveHeartRate({ source: async () => source, log: () => {} });
    live.watch(() => {});
    await flush();
    for (let bpm = 50; bpm < 50 + HISTORY_LENGTH + 5; bpm++) source.emit({ state: "live", reading: reading(bpm) });
    const view = live.current();
    expect(view.history).toHaveLength(HISTORY_LENGTH);
    expect(view.history.at(-1)).toBe(50 + HISTORY_LENGTH + 4);
    expect(view.beats).toBe(HISTORY_LENGTH + 5);
  });

  it("says signed out when no token is stored, and connects once one is", async () => {
    const source = fakeSource();
    let stored: HeartRateSource | undefined;
    const live = createLiveHeartRate({ source: async () => stored, log: () => {} });
    live.watch(() => {});
    await flush();
    expect(live.current().state).toEqual({ state: "signed_out" });
    stored = source;
    live.accountChanged();
    await flush();
    expect(source.subscriptions).toBe(1);
    expect(live.current().state.state).toBe("connecting");
  });

  it("moves to the new source when the token changes, leaving the old one", async () => {
    const old = fakeSource();
    const fresh = fakeSource();
    let stored: HeartRateSource = old;
    const live = createLiveHeartRate({ source: async () => stored, log: () => {} });
    live.watch(() => {});
    await flush();
    old.emit({ state: "token_refused", error: new PulsoidError("unauthorized", "refused") });
    stored = fresh;
    live.accountChanged();
    await flush();
    expect(old.listeners.size).toBe(0);
    expect(fresh.listeners.size).toBe(1);
  });

  it("tries the same source again after a refusal when the account changes without a new token", async () => {
    const source = fakeSource();
    const live = createLiveHeartRate({ source: async () => source, log: () => {} });
    live.watch(() => {});
    await flush();
    source.emit({ state: "missing_scope", error: new PulsoidError("insufficient_scope", "scope") });
    live.accountChanged();
    await flush();
    expect(source.retries).toBe(1);
    expect(source.subscriptions).toBe(1);
  });

  it("retries on a press only after a problem, never a live stream", async () => {
    const source = fakeSource();
    const live = createLiveHeartRate({ source: async () => source, log: () => {} });
    live.watch(() => {});
    await flush();
    source.emit({ state: "live", reading: reading(70) });
    live.retry();
    expect(source.retries).toBe(0);
    source.emit({ state: "reconnecting", attempt: 3, retryInMs: 8000 });
    live.retry();
    expect(source.retries).toBe(1);
  });

  it("redraws a stale view each tick with its growing age, and stops when readings return", async () => {
    vi.useFakeTimers();
    const source = fakeSource();
    const live = createLiveHeartRate({ source: async () => source, tickMs: 1000, log: () => {} });
    const views: LiveView[] = [];
    live.watch((v) => views.push(v));
    await vi.advanceTimersByTimeAsync(0);
    source.emit({ state: "stale", reading: reading(80), silentForMs: 10_000 });
    await vi.advanceTimersByTimeAsync(3000);
    const ages = views.flatMap((v) => (v.state.state === "stale" ? [v.state.silentForMs] : []));
    expect(ages).toEqual([10_000, 11_000, 12_000, 13_000]);
    source.emit({ state: "live", reading: reading(81) });
    const count = views.length;
    await vi.advanceTimersByTimeAsync(3000);
    expect(views.length).toBe(count);
  });

  it("asks again when the app has not handed over the settings yet", async () => {
    vi.useFakeTimers();
    const source = fakeSource();
    let calls = 0;
    const live = createLiveHeartRate({
      source: async () => {
        calls++;
        if (calls === 1) throw new Error("no settings yet");
        return source;
      },
      settingsRetryMs: 500,
      log: () => {},
    });
    live.watch(() => {});
    await vi.advanceTimersByTimeAsync(600);
    expect(calls).toBe(2);
    expect(source.subscriptions).toBe(1);
  });
});

import { PulsoidError } from "@pulsekit/core";
import { describe, expect, it } from "vitest";
import { age, createWatchNarrator, latestLine, readingJson } from "./heart-rate-view.js";

const reading = (bpm: number) => ({ bpm, measuredAt: Date.UTC(2026, 0, 2, 3, 4, 5), receivedAt: 0 });

describe("heart-rate lines", () => {
  it("says how old the latest reading is in the largest whole unit", () => {
    expect([500, 3_000, 240_000, 7_200_000, 3 * 86_400_000].map(age)).toEqual([
      "just now",
      "3 s ago",
      "4 min ago",
      "2 h ago",
      "3 days ago",
    ]);
    expect(latestLine(reading(72), reading(72).measuredAt + 3_400)).toBe("72 bpm, measured 3 s ago");
  });

  it("gives a reading as bpm and an ISO time", () => {
    expect(readingJson(reading(72))).toEqual({ bpm: 72, measuredAt: "2026-01-02T03:04:05.000Z" });
  });
});

describe("createWatchNarrator", () => {
  it("says when readings stop, when the connection drops, and when each comes back", () => {
    const narrate = createWatchNarrator();
    const said = [
      narrate({ state: "connecting" }),
      narrate({ state: "live", reading: reading(70) }),
      narrate({ state: "stale", reading: reading(70), silentForMs: 10_020 }),
      narrate({ state: "live", reading: reading(71) }),
      narrate({ state: "reconnecting", attempt: 1, retryInMs: 1_800 }),
      narrate({ state: "reconnecting", attempt: 2, retryInMs: 3_600 }),
      narrate({ state: "live", reading: reading(72) }),
      narrate({ state: "reconnecting", attempt: 1, retryInMs: 900 }),
      narrate({ state: "stale", silentForMs: 10_000 }),
    ].map((step) => ("notice" in step ? step.notice : step.kind));
    expect(said).toEqual([
      "nothing",
      "reading",
      "no reading for 10 s: is the sensor on?",
      "readings again",
      "connection lost, reconnecting in 2 s",
      "still not connected, trying again in 4 s",
      "reconnected",
      "connection lost, reconnecting in 1 s",
      "reconnected, but no reading for 10 s: is the sensor on?",
    ]);
  });

  it("says it cannot connect yet when the first connection fails, and ends on a refusal", () => {
    const narrate = createWatchNarrator();
    expect(narrate({ state: "reconnecting", attempt: 1, retryInMs: 500 })).toMatchObject({
      notice: "cannot connect yet, trying again in 1 s",
    });
    const error = new PulsoidError("unauthorized", "refused");
    expect(narrate({ state: "token_refused", error })).toEqual({ kind: "end", error });
  });
});

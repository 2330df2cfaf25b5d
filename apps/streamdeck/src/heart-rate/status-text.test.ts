import { PulsoidError } from "@pulsekit/core";
import { describe, expect, it } from "vitest";
import { describeLive } from "./status-text.js";

describe("the connection as the inspector shows it", () => {
  it("passes on core's sentence for a refusal, which says what to do", () => {
    const error = new PulsoidError("insufficient_scope", "Sign in again and allow heart-rate access.");
    expect(describeLive({ state: "missing_scope", error })).toEqual({
      state: "missing_scope",
      headline: "Heart-rate access missing",
      detail: "Sign in again and allow heart-rate access.",
    });
  });

  it("says when the number went quiet and how to get it back", () => {
    const status = describeLive({
      state: "stale",
      reading: { bpm: 1, measuredAt: 0, receivedAt: 0 },
      silentForMs: 65_000,
    });
    expect(status.headline).toBe("No new reading for 1m");
    expect(status.detail).toMatch(/monitor/);
  });

  it("says when it tries again", () => {
    expect(describeLive({ state: "reconnecting", attempt: 2, retryInMs: 1500 }).detail).toMatch(/in 2 s \(attempt 2\)/);
  });
});

import { PulsoidError } from "@pulsekit/core";
import { describe, expect, it } from "vitest";
import { heartRateStatus, silenceText } from "./status-text";

const reading = (bpm: number) => ({ bpm, measuredAt: 1_000, receivedAt: 1_000 });

describe("the heart-rate status bar item", () => {
  it("shows a live reading as a heart and the number, with its zone in the tooltip", () => {
    const status = heartRateStatus({ state: "live", reading: reading(72) });
    expect(status.text).toBe("$(heart) 72");
    expect(status.tooltip).toBe(
      "Pulsoid heart rate: 72 bpm, zone 1 of 4 (0–99 bpm). Click for the minimum, average and maximum.",
    );
    expect(status.backgroundColor).toBeUndefined();
    expect(status.accessibleLabel).toBe("Heart rate 72 beats per minute");
    expect(status.click).toBe("summary");
  });

  it("takes the theme's warning and error backgrounds in the upper zones", () => {
    expect(heartRateStatus({ state: "live", reading: reading(150) }).backgroundColor).toBe(
      "statusBarItem.warningBackground",
    );
    expect(heartRateStatus({ state: "live", reading: reading(182) }).backgroundColor).toBe(
      "statusBarItem.errorBackground",
    );
  });

  it("marks an old number with a clock, no zone colour, and says how long it has been silent", () => {
    const status = heartRateStatus({ state: "stale", reading: reading(182), silentForMs: 25_200 });
    expect(status.text).toBe("$(heart) 182 $(clock)");
    expect(status.tooltip).toContain("no reading for 25 s");
    expect(status.tooltip).toContain("monitor is on");
    expect(status.backgroundColor).toBeUndefined();
    expect(heartRateStatus({ state: "stale", silentForMs: 10_000 }).text).toBe("$(heart) $(clock)");
  });

  it("says when it reconnects, and how soon", () => {
    const status = heartRateStatus({ state: "reconnecting", attempt: 2, retryInMs: 1_600, reading: reading(72) });
    expect(status.text).toBe("$(heart) 72 $(sync~spin)");
    expect(status.tooltip).toBe(
      "Pulsoid heart rate: the connection to Pulsoid dropped; connecting again in 2 s (attempt 2). The last reading was 72 bpm.",
    );
  });

  it("asks a signed-out user to sign in, and the click offers it", () => {
    const status = heartRateStatus({ state: "signed_out" });
    expect(status.text).toBe("$(heart) Sign in");
    expect(status.click).toBe("sign_in");
  });

  it("asks to sign in again when Pulsoid refuses the token, keeping it", () => {
    const error = new PulsoidError("unauthorized", "Pulsoid did not accept the access token.");
    const status = heartRateStatus({ state: "token_refused", error });
    expect(status.text).toBe("$(heart) Sign in");
    expect(status.tooltip).toContain("Pulsoid did not accept the access token.");
    expect(status.tooltip).toContain("the token is kept");
    expect(status.click).toBe("problem");
  });

  it("names the missing permission", () => {
    const error = new PulsoidError(
      "insufficient_scope",
      "The access token is missing the permission data:heart_rate:read.",
    );
    const status = heartRateStatus({ state: "missing_scope", error });
    expect(status.text).toBe("$(heart) Sign in");
    expect(status.tooltip).toContain("data:heart_rate:read");
    expect(status.click).toBe("problem");
  });

  it("never puts a token in what it shows", () => {
    const token = "8c1f3b5a-0000-4000-8000-000000000000";
    const error = new PulsoidError("unauthorized", "Pulsoid did not accept the access token.");
    for (const state of [
      { state: "token_refused", error },
      { state: "reconnecting", attempt: 1, retryInMs: 1000, error },
    ] as const) {
      const status = heartRateStatus(state);
      expect(`${status.text} ${status.tooltip} ${status.accessibleLabel}`).not.toContain(token);
    }
  });

  it("counts silence in seconds, then minutes", () => {
    expect(silenceText(25_200)).toBe("25 s");
    expect(silenceText(119_000)).toBe("119 s");
    expect(silenceText(185_000)).toBe("3 min");
  });
});

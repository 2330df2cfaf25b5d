import { PulsoidError } from "@pulsekit/core";
import { describe, expect, it } from "vitest";
import { ageText, faceFor, NEUTRAL_COLOUR, NO_NUMBER, OLD_COLOUR } from "./face.js";
import { presetZones } from "./zones.js";

const reading = (bpm: number) => ({ bpm, measuredAt: 0, receivedAt: 0 });
const zones = presetZones();

describe("faceFor", () => {
  it("draws a live number in its zone's colour with a beating heart and no title", () => {
    expect(faceFor({ state: "live", reading: reading(72) }, zones, 1)).toEqual({
      number: "72",
      colour: "#3FA9F5FF",
      look: "live",
      caption: "BPM",
      beat: 1,
    });
    expect(faceFor({ state: "live", reading: reading(180) }, zones, 2)).toMatchObject({ colour: "#FF1D25FF", beat: 0 });
  });

  it("draws a number outside every zone in the neutral colour", () => {
    expect(faceFor({ state: "live", reading: reading(150) }, [{ from: 0, to: 99, color: "#000000FF" }]).colour).toBe(
      NEUTRAL_COLOUR,
    );
  });

  it("greys an old number and says how old it is", () => {
    expect(faceFor({ state: "stale", reading: reading(90), silentForMs: 12_400 }, zones)).toMatchObject({
      number: "90",
      colour: OLD_COLOUR,
      look: "old",
      caption: "old 12s",
    });
    expect(faceFor({ state: "stale", silentForMs: 12_000 }, zones)).toMatchObject({ number: NO_NUMBER, look: "none" });
  });

  it.each([
    [{ state: "signed_out" } as const, "Sign in"],
    [{ state: "token_refused", error: new PulsoidError("unauthorized", "x") } as const, "Sign in"],
    [{ state: "no_plan", error: new PulsoidError("payment_required", "x") } as const, "No plan"],
    [{ state: "missing_scope", error: new PulsoidError("insufficient_scope", "x") } as const, "Allow HR"],
    [{ state: "reconnecting", attempt: 1, retryInMs: 1000 } as const, "Offline"],
  ])("titles %s as %s, with no number", (state, title) => {
    expect(faceFor(state, zones)).toMatchObject({ title, number: NO_NUMBER, colour: OLD_COLOUR });
  });

  it("keeps the last number greyed while it reconnects", () => {
    expect(faceFor({ state: "reconnecting", attempt: 2, retryInMs: 1000, reading: reading(99) }, zones)).toMatchObject({
      number: "99",
      look: "old",
      title: "Offline",
    });
  });

  it("shows no title while connecting or live, so the key's own title can show", () => {
    expect(faceFor({ state: "connecting" }, zones).title).toBeUndefined();
    expect(faceFor({ state: "live", reading: reading(60) }, zones).title).toBeUndefined();
  });
});

describe("ageText", () => {
  it.each([
    [0, "0s"],
    [59_999, "59s"],
    [60_000, "1m"],
    [3_599_000, "59m"],
    [7_200_000, "2h"],
    [-5, "0s"],
  ])("writes %d ms as %s", (ms, text) => {
    expect(ageText(ms)).toBe(text);
  });
});

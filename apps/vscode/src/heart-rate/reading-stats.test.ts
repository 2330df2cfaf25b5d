import { describe, expect, it } from "vitest";
import { ReadingStats, summarySentence } from "./reading-stats";

describe("the readings since the item appeared", () => {
  it("keeps the minimum, the rounded average and the maximum", () => {
    const stats = new ReadingStats();
    for (const bpm of [72, 61, 95, 70]) stats.add(bpm);
    expect(stats.summary()).toEqual({ count: 4, min: 61, max: 95, average: 75 });
  });

  it("has nothing to say before the first reading", () => {
    expect(new ReadingStats().summary()).toBeUndefined();
  });

  it("says the figures, and the reading now when there is one", () => {
    expect(summarySentence({ count: 42, min: 61, max: 95, average: 72 }, 80)).toBe(
      "Now 80 bpm. Since the status bar item appeared: minimum 61, average 72, maximum 95 bpm (42 readings).",
    );
    expect(summarySentence({ count: 1, min: 70, max: 70, average: 70 })).toBe(
      "Since the status bar item appeared: minimum 70, average 70, maximum 70 bpm (1 reading).",
    );
  });

  it("without readings, says what to check", () => {
    expect(summarySentence(undefined)).toMatch(/No heart-rate reading.*monitor is on/);
  });
});

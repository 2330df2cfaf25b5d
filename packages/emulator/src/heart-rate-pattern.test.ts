import { describe, expect, it } from "vitest";
import { restReadings, WORKOUT_CYCLE_STEPS, workoutReadings } from "./heart-rate-pattern.js";

/** a repeatable stand-in for Math.random */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const take = (next: () => number, count: number) => Array.from({ length: count }, next);
/** the differences between neighbouring readings */
const steps = (readings: number[]) => readings.slice(1).map((bpm, i) => Math.abs(bpm - (readings[i] as number)));

describe("restReadings", () => {
  it("stays between 60 and 75 bpm and moves by at most 2 at a time", () => {
    const readings = take(restReadings(seeded(1)), 500);
    expect(Math.min(...readings)).toBeGreaterThanOrEqual(60);
    expect(Math.max(...readings)).toBeLessThanOrEqual(75);
    expect(Math.max(...steps(readings))).toBeLessThanOrEqual(2);
    expect(new Set(readings).size).toBeGreaterThan(3);
  });
});

describe("workoutReadings", () => {
  it("climbs from rest to about 165 bpm and comes back, without jumps", () => {
    const readings = take(workoutReadings(seeded(2)), WORKOUT_CYCLE_STEPS);
    const peakAt = readings.indexOf(Math.max(...readings));
    expect(readings[0]).toBeLessThanOrEqual(75);
    expect(Math.max(...readings)).toBeGreaterThanOrEqual(160);
    expect(Math.max(...readings)).toBeLessThanOrEqual(170);
    expect(readings.at(-1)).toBeLessThanOrEqual(75);
    expect(peakAt).toBeGreaterThan(5);
    expect(peakAt).toBeLessThan(WORKOUT_CYCLE_STEPS - 5);
    expect(Math.max(...steps(readings))).toBeLessThanOrEqual(15);
  });

  it("starts over after a cycle", () => {
    const readings = take(
      workoutReadings(() => 0.5),
      WORKOUT_CYCLE_STEPS * 2,
    );
    expect(readings.slice(WORKOUT_CYCLE_STEPS)).toEqual(readings.slice(0, WORKOUT_CYCLE_STEPS));
  });
});

import { isPlainObject } from "./body.js";
import {
  HEART_RATE_PATTERNS,
  type HeartRatePatternName,
  MAX_PATTERN_INTERVAL_MS,
  MIN_PATTERN_INTERVAL_MS,
} from "./heart-rate-pattern.js";
import type { EmulatorState, HeartRateReading } from "./state.js";

/** the highest bpm a reading may have */
export const MAX_BPM = 300;

/** keeps a reading as the latest and sends it to every real-time connection; returns how many it reached */
export function recordReading(
  state: EmulatorState,
  heartRate: number,
  measuredAt = Date.now(),
): { reading: HeartRateReading; sentTo: number } {
  const reading = { heartRate, measuredAt };
  state.heartRate = reading;
  return { reading, sentTo: state.realTime.send(reading) };
}

/** a sentence saying what is wrong with a bpm, or undefined when it is fine */
export function bpmProblem(bpm: unknown): string | undefined {
  if (typeof bpm === "number" && Number.isInteger(bpm) && bpm >= 0 && bpm <= MAX_BPM) return undefined;
  return `bpm must be a whole number from 0 to ${MAX_BPM}, got ${JSON.stringify(bpm) ?? "nothing"}`;
}

/** checks a `{bpm}` body; returns the bpm or a sentence saying what is wrong */
export function parseHeartRateBody(body: unknown): { bpm: number } | { problem: string } {
  if (!isPlainObject(body)) return { problem: 'the body must be {"bpm": number}' };
  const problem = bpmProblem(body.bpm);
  return problem ? { problem } : { bpm: body.bpm as number };
}

/** a sentence saying what is wrong with a pattern and interval, or undefined when they are fine */
export function patternProblem(pattern: unknown, intervalMs: unknown): string | undefined {
  if (!HEART_RATE_PATTERNS.includes(pattern as HeartRatePatternName)) {
    return `pattern must be one of ${HEART_RATE_PATTERNS.map((p) => `"${p}"`).join(", ")}, got ${JSON.stringify(pattern) ?? "nothing"}`;
  }
  if (
    intervalMs !== undefined &&
    !(
      typeof intervalMs === "number" &&
      Number.isInteger(intervalMs) &&
      intervalMs >= MIN_PATTERN_INTERVAL_MS &&
      intervalMs <= MAX_PATTERN_INTERVAL_MS
    )
  ) {
    return `intervalMs must be a whole number of milliseconds from ${MIN_PATTERN_INTERVAL_MS} to ${MAX_PATTERN_INTERVAL_MS}`;
  }
  return undefined;
}

/** checks a `{pattern, intervalMs?}` body; returns them or a sentence saying what is wrong */
export function parsePatternBody(
  body: unknown,
): { pattern: HeartRatePatternName; intervalMs?: number } | { problem: string } {
  if (!isPlainObject(body))
    return { problem: 'the body must be {"pattern": "rest" | "workout" | "off", "intervalMs"?: number}' };
  const problem = patternProblem(body.pattern, body.intervalMs);
  if (problem) return { problem };
  return { pattern: body.pattern as HeartRatePatternName, intervalMs: body.intervalMs as number | undefined };
}

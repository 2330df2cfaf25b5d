/** the readings a pattern sends: resting, a workout, or none */
export type HeartRatePatternName = "rest" | "workout" | "off";

/** the pattern names the hook accepts */
export const HEART_RATE_PATTERNS: readonly HeartRatePatternName[] = ["rest", "workout", "off"];

/** time between readings unless told otherwise */
export const DEFAULT_PATTERN_INTERVAL_MS = 1000;
/** the shortest and longest interval between readings */
export const MIN_PATTERN_INTERVAL_MS = 20;
export const MAX_PATTERN_INTERVAL_MS = 60_000;

/** what is playing now */
export interface PlayingPattern {
  pattern: HeartRatePatternName;
  /** absent while the pattern is "off" */
  intervalMs?: number;
}

/** readings on a timer that never keeps the process alive */
export interface HeartRatePatternPlayer {
  /** starts a pattern (its first reading right away), replacing the one playing; "off" stops */
  play(pattern: HeartRatePatternName, intervalMs?: number): PlayingPattern;
  stop(): void;
  playing(): PlayingPattern;
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
/** a whole number from -2 to 2 */
const noise = (random: () => number) => Math.round((random() - 0.5) * 4);

/** resting: a slow random walk between 60 and 75 bpm */
export function restReadings(random: () => number = Math.random): () => number {
  let bpm = 67;
  return () => {
    bpm = clamp(bpm + noise(random), 60, 75);
    return bpm;
  };
}

const WORKOUT_REST = 70;
const WORKOUT_PEAK = 165;
const CLIMB_STEPS = 20;
const HOLD_STEPS = 10;
const RECOVERY_STEPS = 30;
/** readings in one workout, from rest to the peak and back; then it starts over */
export const WORKOUT_CYCLE_STEPS = CLIMB_STEPS + HOLD_STEPS + RECOVERY_STEPS;

/** eases 0..1 into 0..1, slow at both ends */
const ease = (t: number) => (1 - Math.cos(Math.PI * t)) / 2;

/** the workout's heart rate at a step of its cycle, before noise */
function workoutBase(step: number): number {
  const span = WORKOUT_PEAK - WORKOUT_REST;
  if (step < CLIMB_STEPS) return WORKOUT_REST + span * ease(step / (CLIMB_STEPS - 1));
  if (step < CLIMB_STEPS + HOLD_STEPS) return WORKOUT_PEAK;
  const t = (step - CLIMB_STEPS - HOLD_STEPS) / (RECOVERY_STEPS - 1);
  return WORKOUT_PEAK - span * ease(t);
}

/** a workout: climbs from about 70 to about 165 bpm, holds, recovers, and starts over */
export function workoutReadings(random: () => number = Math.random): () => number {
  let step = 0;
  return () => {
    const bpm = Math.round(workoutBase(step)) + noise(random);
    step = (step + 1) % WORKOUT_CYCLE_STEPS;
    return clamp(bpm, 60, WORKOUT_PEAK + 2);
  };
}

/** creates a stopped player that hands each reading to `onReading` */
export function createHeartRatePatternPlayer(onReading: (bpm: number) => void): HeartRatePatternPlayer {
  let timer: NodeJS.Timeout | undefined;
  let current: PlayingPattern = { pattern: "off" };
  const stop = () => {
    clearInterval(timer);
    timer = undefined;
    current = { pattern: "off" };
  };
  return {
    play(pattern, intervalMs = DEFAULT_PATTERN_INTERVAL_MS) {
      stop();
      if (pattern === "off") return { ...current };
      const next = pattern === "rest" ? restReadings() : workoutReadings();
      current = { pattern, intervalMs };
      onReading(next());
      timer = setInterval(() => onReading(next()), intervalMs);
      timer.unref();
      return { ...current };
    },
    stop,
    playing: () => ({ ...current }),
  };
}

import type { HeartRateReading, HeartRateState, PulsoidError } from "@pulsekit/core";

/** a reading as `--json` prints it: the bpm and when it was measured, as an ISO time */
export interface ReadingJson {
  bpm: number;
  measuredAt: string;
}

/** the JSON for a reading */
export function readingJson(reading: Pick<HeartRateReading, "bpm" | "measuredAt">): ReadingJson {
  return { bpm: reading.bpm, measuredAt: new Date(reading.measuredAt).toISOString() };
}

/** a time of day on this machine's clock, as `12:03:04` */
export function clockTime(epochMs: number): string {
  const time = new Date(epochMs);
  return [time.getHours(), time.getMinutes(), time.getSeconds()].map((n) => String(n).padStart(2, "0")).join(":");
}

/** how long ago, in words: `just now`, `3 s ago`, `4 min ago`, `2 h ago`, `3 days ago` */
export function age(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return "just now";
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 48 * 3600) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86_400)} days ago`;
}

/** the latest reading in one line: `72 bpm, measured 3 s ago` */
export function latestLine(reading: Pick<HeartRateReading, "bpm" | "measuredAt">, now = Date.now()): string {
  return `${reading.bpm} bpm, measured ${age(now - reading.measuredAt)}`;
}

/** one line of `--watch`: `12:03:04  72 bpm` */
export function watchLine(reading: Pick<HeartRateReading, "bpm" | "measuredAt">): string {
  return `${clockTime(reading.measuredAt)}  ${reading.bpm} bpm`;
}

/** what `--watch` does with one state: print a reading (maybe with a notice first), a notice, or end */
export type WatchStep =
  | { kind: "reading"; reading: HeartRateReading; notice?: string }
  | { kind: "notice"; notice: string; problem: boolean }
  | { kind: "end"; error: PulsoidError }
  | { kind: "nothing" };

const seconds = (ms: number) => `${Math.max(1, Math.round(ms / 1000))} s`;

/**
 * turns the heart-rate source's states into what `--watch` prints: each reading, and a short notice (for
 * stderr) when readings stop, the connection drops, and when either comes back. Remembers what it said last
 */
export function createWatchNarrator(): (state: HeartRateState) => WatchStep {
  let connectedOnce = false;
  let lost = false;
  let silent = false;
  return (state) => {
    switch (state.state) {
      case "live": {
        const notice = lost ? "reconnected" : silent ? "readings again" : undefined;
        connectedOnce = true;
        lost = false;
        silent = false;
        return notice
          ? { kind: "reading", reading: state.reading, notice }
          : { kind: "reading", reading: state.reading };
      }
      case "stale": {
        // stale follows an open connection: after a drop, it means the stream is back but quiet
        const back = lost ? "reconnected, but " : "";
        connectedOnce = true;
        lost = false;
        silent = true;
        return {
          kind: "notice",
          notice: `${back}no reading for ${seconds(state.silentForMs)}: is the sensor on?`,
          problem: true,
        };
      }
      case "reconnecting": {
        const wait = seconds(state.retryInMs);
        const notice =
          state.attempt > 1
            ? `still not connected, trying again in ${wait}`
            : connectedOnce
              ? `connection lost, reconnecting in ${wait}`
              : `cannot connect yet, trying again in ${wait}`;
        lost = true;
        return { kind: "notice", notice, problem: true };
      }
      case "token_refused":
      case "no_plan":
      case "missing_scope":
        return { kind: "end", error: state.error };
      default:
        return { kind: "nothing" };
    }
  };
}

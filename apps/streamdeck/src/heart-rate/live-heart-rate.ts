import type { HeartRateSource, HeartRateState } from "@pulsekit/core";

/** core's states, plus the one before any: no token stored */
export type LiveState = HeartRateState | { state: "signed_out" };

/** what every Heart Rate key and dial draws from */
export type LiveView = {
  state: LiveState;
  /** the latest readings, oldest first (at most HISTORY_LENGTH) */
  history: readonly number[];
  /** how many readings arrived: a key's heart beats on each */
  beats: number;
};

/** how many readings a dial's history shows */
export const HISTORY_LENGTH = 30;

/** the refusals a new token or a new sign-in can cure */
const REFUSALS: ReadonlySet<LiveState["state"]> = new Set(["token_refused", "no_plan", "missing_scope"]);

/** the states a press may end early: a live or starting stream is left alone */
const RETRYABLE: ReadonlySet<LiveState["state"]> = new Set([...REFUSALS, "reconnecting", "stale", "signed_out"]);

/** the plugin's one live heart rate, shared by every Heart Rate key and dial */
export interface LiveHeartRate {
  /** hears every view (the current one first); the first watcher opens the stream, the last one leaving closes it */
  watch(listener: (view: LiveView) => void): () => void;
  /** the view now */
  current(): LiveView;
  /** tries again now (after a refusal, or while waiting to reconnect) */
  retry(): void;
  /** the token or the API host may have changed: use the source for the account as it is now */
  accountChanged(): void;
}

export type LiveHeartRateOptions = {
  /** the source for the stored token and API host (the same object while neither changes), or none when signed out */
  source: () => Promise<HeartRateSource | undefined>;
  /** how often a stale view is redrawn to say how old the number is */
  tickMs?: number;
  /** how long to wait before asking for the source again after the app did not hand over the settings */
  settingsRetryMs?: number;
  log: (line: string) => void;
};

/** one core source at a time for the whole plugin, re-made when the account changes */
export function createLiveHeartRate(options: LiveHeartRateOptions): LiveHeartRate {
  const tickMs = options.tickMs ?? 1000;
  const settingsRetryMs = options.settingsRetryMs ?? 3000;
  const listeners = new Set<(view: LiveView) => void>();
  let view: LiveView = { state: { state: "connecting" }, history: [], beats: 0 };
  let source: HeartRateSource | undefined;
  let unsubscribe: (() => void) | undefined;
  let ticker: ReturnType<typeof setInterval> | undefined;
  let settingsTimer: ReturnType<typeof setTimeout> | undefined;
  // bumped by every sync: an older sync that resolves late changes nothing
  let syncs = 0;

  const publish = (next: LiveView) => {
    view = next;
    for (const listener of [...listeners]) listener(next);
  };

  const stopTicker = () => {
    clearInterval(ticker);
    ticker = undefined;
  };

  /** while stale, redraws now and then so the age on the key keeps up; one redraw per tick, not an animation */
  const startTicker = (silentForMs: number) => {
    stopTicker();
    const since = Date.now() - silentForMs;
    ticker = setInterval(() => {
      if (view.state.state !== "stale") return stopTicker();
      publish({ ...view, state: { ...view.state, silentForMs: Date.now() - since } });
    }, tickMs);
    ticker.unref?.();
  };

  const onState = (state: HeartRateState) => {
    if (state.state === "live") {
      const history = [...view.history, state.reading.bpm].slice(-HISTORY_LENGTH);
      stopTicker();
      return publish({ state, history, beats: view.beats + 1 });
    }
    if (state.state === "stale") startTicker(state.silentForMs);
    else stopTicker();
    publish({ ...view, state });
  };

  const detach = () => {
    unsubscribe?.();
    unsubscribe = undefined;
    source = undefined;
    stopTicker();
  };

  async function sync(): Promise<void> {
    const run = ++syncs;
    clearTimeout(settingsTimer);
    let next: HeartRateSource | undefined;
    try {
      next = await options.source();
    } catch (error) {
      if (run !== syncs || listeners.size === 0) return;
      options.log(`live heart rate waits for the plugin's settings: ${error instanceof Error ? error.message : error}`);
      settingsTimer = setTimeout(() => void sync(), settingsRetryMs);
      settingsTimer.unref?.();
      return;
    }
    if (run !== syncs || listeners.size === 0) return;
    if (next && next === source) {
      // same token and host: a sign-in that kept the token still deserves another try
      if (REFUSALS.has(view.state.state)) next.retry();
      return;
    }
    detach();
    source = next;
    if (!next) return publish({ ...view, state: { state: "signed_out" } });
    options.log("live heart rate: connecting");
    unsubscribe = next.subscribe(onState);
  }

  return {
    watch(listener) {
      listeners.add(listener);
      const first = listeners.size === 1;
      if (first) view = { ...view, state: { state: "connecting" } };
      listener(view);
      if (first) void sync();
      return () => {
        if (!listeners.delete(listener) || listeners.size > 0) return;
        // the last key left: the stream closes, and a later key starts from the account again
        syncs++;
        clearTimeout(settingsTimer);
        detach();
        view = { ...view, state: { state: "stopped" } };
      };
    },
    current: () => view,
    retry() {
      if (listeners.size === 0 || !RETRYABLE.has(view.state.state)) return;
      if (source) source.retry();
      else void sync();
    },
    accountChanged() {
      if (listeners.size > 0) void sync();
    },
  };
}

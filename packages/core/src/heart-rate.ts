import { createPulsoidClient, type PulsoidClient } from "./client.js";
import { describeError, isPulsoidError, PulsoidError } from "./errors.js";
import { heartRateMessageSchema } from "./schema.js";
import { missingScopeMessage, missingScopes, SCOPES } from "./scopes.js";
import { DEFAULT_API_URL, secureBaseUrl } from "./urls.js";

/** one heart-rate reading as it arrived */
export interface HeartRateReading {
  bpm: number;
  /** when the sensor measured it (epoch ms; Pulsoid's measured_at, or the arrival time when it sent none) */
  measuredAt: number;
  /** when this app received it (epoch ms) */
  receivedAt: number;
}

/**
 * what an app shows for the live heart rate, without having to think:
 * - `connecting`: checking the token and opening the stream;
 * - `live`: readings are arriving (`reading` is the latest);
 * - `stale`: connected, but no reading for `silentForMs` (the last one, if any, is old: show it as old);
 * - `reconnecting`: the stream dropped (or could not open); it opens again in `retryInMs`;
 * - `token_refused`, `no_plan`, `missing_scope`: Pulsoid said no; retrying cannot help, so it stopped trying
 *   (the token is never deleted here); `error.message` says what to do;
 * - `stopped`: the app stopped it.
 */
export type HeartRateState =
  | { state: "connecting" }
  | { state: "live"; reading: HeartRateReading }
  | { state: "stale"; reading?: HeartRateReading; silentForMs: number }
  | { state: "reconnecting"; attempt: number; retryInMs: number; reading?: HeartRateReading; error?: PulsoidError }
  | { state: "token_refused" | "no_plan" | "missing_scope"; error: PulsoidError }
  | { state: "stopped" };

/** the few parts of a WebSocket the source uses: the standard browser API, and what the `ws` package offers */
export interface WebSocketLike {
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code?: number; reason?: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  close(code?: number, reason?: string): void;
}

/**
 * opens a WebSocket: Node hosts wrap the `ws` package (which can send headers), a browser-like host its own
 * WebSocket (which cannot: pass `tokenIn: "query"` then)
 */
export type OpenWebSocket = (url: string, headers: Record<string, string>) => WebSocketLike;

/** what core needs of a header-capable WebSocket class, such as the `ws` package's `WebSocket` in Node hosts */
export interface HeaderWebSocketClass {
  new (
    url: string,
    options: { headers: Record<string, string> },
  ): {
    on(event: "error", listener: (error: Error) => void): unknown;
    close(code?: number, reason?: string): void;
    terminate(): void;
  };
}

/**
 * an OpenWebSocket over a header-capable WebSocket class (pass the `ws` package's `WebSocket`): the token goes
 * in the Authorization header, never in the URL; an error after core stopped listening is not a crash; and a
 * close the other side never answers (a dead network) is cut after `closeGraceMs`, so it keeps no process alive
 */
export function openWebSocketWith(WebSocketClass: HeaderWebSocketClass, closeGraceMs = 1000): OpenWebSocket {
  return (url, headers) => {
    const socket = new WebSocketClass(url, { headers });
    socket.on("error", () => {});
    const close = socket.close.bind(socket);
    socket.close = (code?: number, reason?: string) => {
      close(code, reason);
      const timer = setTimeout(() => socket.terminate(), closeGraceMs);
      (timer as { unref?: () => void }).unref?.();
    };
    // the class's handler properties take its own event types; they carry what WebSocketLike reads
    return socket as unknown as WebSocketLike;
  };
}

/** how long without a reading before the number counts as stale: Pulsoid sends about one a second, so ten
 * missed readings mean the sensor or the stream stopped, well before Pulsoid's own 30 s "offline" */
export const DEFAULT_STALE_AFTER_MS = 10_000;

/** reconnect waits: capped exponential backoff with jitter */
export interface BackoffOptions {
  /** the first wait */
  minMs: number;
  /** no wait is longer */
  maxMs: number;
}

/** 1 s, 2 s, 4 s … up to 15 s, each between half and all of that (so many clients do not reconnect at once) */
export const DEFAULT_BACKOFF: BackoffOptions = { minMs: 1000, maxMs: 15_000 };

/** the wait before reconnect attempt n (1, 2, …): min·2^(n-1) capped at max, times a jitter in [0.5, 1] */
export function reconnectDelay(attempt: number, backoff: BackoffOptions = DEFAULT_BACKOFF, random = Math.random) {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  const capped = Math.min(backoff.maxMs, backoff.minMs * 2 ** exponent);
  return Math.round(capped * (0.5 + random() / 2));
}

export interface HeartRateSourceOptions {
  token: string;
  /** the API host (https://dev.pulsoid.net); the stream is the same host over wss:// (ws:// for a local one) */
  baseUrl?: string;
  openWebSocket: OpenWebSocket;
  /** the token as an Authorization header (default), or as the access_token query parameter */
  tokenIn?: "header" | "query";
  staleAfterMs?: number;
  backoff?: BackoffOptions;
  /** checks the token before each connect; made from token and baseUrl when not given */
  client?: Pick<PulsoidClient, "validateToken">;
  fetch?: typeof fetch;
}

/** a live heart rate any app can drive: subscribe to start it, and the last unsubscribe stops it */
export interface HeartRateSource {
  /** hears every state change (the current one first); the first subscriber starts the stream */
  subscribe(listener: (state: HeartRateState) => void): () => void;
  /** the state now */
  current(): HeartRateState;
  /** starts again after token_refused, no_plan or missing_scope (e.g. once the user signed in again) */
  retry(): void;
}

const REALTIME_PATH = "/api/v1/data/real_time";

/** the real-time URL for an API host: https → wss, http (this machine only) → ws */
export function realTimeUrl(baseUrl: string): string {
  const url = new URL(`${secureBaseUrl(baseUrl, "baseUrl")}${REALTIME_PATH}`);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.toString();
}

function refusal(error: PulsoidError): HeartRateState | undefined {
  if (error.kind === "unauthorized") return { state: "token_refused", error };
  if (error.kind === "payment_required") return { state: "no_plan", error };
  if (error.kind === "insufficient_scope") return { state: "missing_scope", error };
  return undefined;
}

function missingHeartRateScope(): PulsoidError {
  return new PulsoidError("insufficient_scope", missingScopeMessage(SCOPES.heartRateRead, "the live heart rate"), {
    missingScopes: [SCOPES.heartRateRead],
    retryable: false,
  });
}

/** one shared live heart rate over Pulsoid's real-time WebSocket, with reconnects and a stale signal */
export function createHeartRateSource(options: HeartRateSourceOptions): HeartRateSource {
  const baseUrl = options.baseUrl ?? DEFAULT_API_URL;
  const streamUrl = realTimeUrl(baseUrl);
  const staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const client =
    options.client ??
    createPulsoidClient({
      token: options.token,
      baseUrl,
      deadlineMs: 10_000,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  const listeners = new Set<(state: HeartRateState) => void>();
  let state: HeartRateState = { state: "stopped" };
  let socket: WebSocketLike | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let staleTimer: ReturnType<typeof setTimeout> | undefined;
  let lastReading: HeartRateReading | undefined;
  let failures = 0;
  // bumped by every start and stop: callbacks of an older connection do nothing
  let generation = 0;

  const set = (next: HeartRateState) => {
    state = next;
    for (const listener of [...listeners]) listener(next);
  };

  const clearTimers = () => {
    clearTimeout(timer);
    clearTimeout(staleTimer);
    timer = undefined;
    staleTimer = undefined;
  };

  const dropSocket = () => {
    const open = socket;
    socket = undefined;
    if (!open) return;
    open.onopen = open.onmessage = open.onclose = open.onerror = null;
    try {
      open.close(1000, "done");
    } catch {
      // already closed
    }
  };

  const armStale = (since: number) => {
    clearTimeout(staleTimer);
    staleTimer = setTimeout(() => {
      const silentForMs = Date.now() - since;
      set(lastReading ? { state: "stale", reading: lastReading, silentForMs } : { state: "stale", silentForMs });
    }, staleAfterMs);
  };

  const scheduleReconnect = (run: number, error?: PulsoidError) => {
    failures += 1;
    const retryInMs = reconnectDelay(failures, backoff);
    set({
      state: "reconnecting",
      attempt: failures,
      retryInMs,
      ...(lastReading ? { reading: lastReading } : {}),
      ...(error ? { error } : {}),
    });
    timer = setTimeout(() => void connect(run), retryInMs);
  };

  async function connect(run: number): Promise<void> {
    if (run !== generation) return;
    clearTimers();
    if (state.state !== "reconnecting") set({ state: "connecting" });
    try {
      const validation = await client.validateToken();
      if (run !== generation) return;
      if (missingScopes(validation.scopes, [SCOPES.heartRateRead]).length > 0) {
        return set({ state: "missing_scope", error: missingHeartRateScope() });
      }
    } catch (error) {
      if (run !== generation) return;
      const pulsoidError = isPulsoidError(error)
        ? error
        : new PulsoidError("network", describeError(error), { cause: error });
      const refused = refusal(pulsoidError);
      // a network drop or a busy Pulsoid never stops the retries; a refusal does
      return refused ? set(refused) : scheduleReconnect(run, pulsoidError);
    }
    const url =
      options.tokenIn === "query" ? `${streamUrl}?access_token=${encodeURIComponent(options.token)}` : streamUrl;
    const headers: Record<string, string> =
      options.tokenIn === "query" ? {} : { Authorization: `Bearer ${options.token}` };
    let opened: WebSocketLike;
    try {
      opened = options.openWebSocket(url, headers);
    } catch (error) {
      return scheduleReconnect(run, new PulsoidError("network", describeError(error), { cause: error }));
    }
    socket = opened;
    opened.onopen = () => {
      if (run !== generation) return;
      armStale(Date.now());
    };
    opened.onmessage = (event) => {
      if (run !== generation) return;
      const reading = parseReading(event.data);
      if (!reading) return;
      failures = 0;
      lastReading = reading;
      armStale(reading.receivedAt);
      set({ state: "live", reading });
    };
    const lost = () => {
      if (run !== generation || socket !== opened) return;
      socket = undefined;
      clearTimers();
      scheduleReconnect(run);
    };
    opened.onclose = lost;
    opened.onerror = lost;
  }

  const start = () => {
    generation += 1;
    failures = 0;
    void connect(generation);
  };

  const stop = () => {
    generation += 1;
    clearTimers();
    dropSocket();
    set({ state: "stopped" });
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      listener(state);
      if (listeners.size === 1 && state.state === "stopped") start();
      return () => {
        if (!listeners.delete(listener)) return;
        if (listeners.size === 0) stop();
      };
    },
    current: () => state,
    retry() {
      if (listeners.size === 0) return;
      generation += 1;
      clearTimers();
      dropSocket();
      start();
    },
  };
}

function parseReading(data: unknown): HeartRateReading | undefined {
  const text =
    typeof data === "string" ? data : data instanceof Uint8Array ? new TextDecoder().decode(data) : String(data);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = heartRateMessageSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const receivedAt = Date.now();
  return { bpm: parsed.data.bpm, measuredAt: parsed.data.measuredAt ?? receivedAt, receivedAt };
}

/** a colour range, the same shape as a widget's `ranges` */
export interface Zone {
  from: number;
  to: number;
  color: string;
}

/**
 * the colour for a bpm from zones `{from, to, color}` (a widget's `ranges`): the first zone whose bounds hold
 * it, so overlapping zones resolve to the one listed first; undefined outside every zone
 */
export function zoneColor(bpm: number, zones: readonly Zone[]): string | undefined {
  return zones.find((zone) => bpm >= zone.from && bpm <= zone.to)?.color;
}

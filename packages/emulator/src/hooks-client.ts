import type { EmulatorConfig } from "./config.js";
import type { FaultSpec, PendingFault } from "./faults.js";
import type { HeartRatePatternName, PlayingPattern } from "./heart-rate-pattern.js";
import type { LoggedRequest } from "./request-log.js";
import type { WidgetSeed } from "./server.js";
import type { TokenSeed } from "./state.js";
import type { StoredWidget } from "./store.js";

/** the test hooks of an emulator reached over HTTP, for one running in another process */
export interface EmulatorHooks {
  seedToken(seed: TokenSeed): Promise<string>;
  seedWidgets(widgets: WidgetSeed[]): Promise<StoredWidget[]>;
  widgets(): Promise<StoredWidget[]>;
  requests(): Promise<LoggedRequest[]>;
  addFault(spec: FaultSpec): Promise<PendingFault>;
  clearFaults(): Promise<void>;
  configure(update: Partial<EmulatorConfig>): Promise<EmulatorConfig>;
  approveDevice(userCode: string): Promise<void>;
  denyDevice(userCode: string): Promise<void>;
  setHeartRate(heartRate: number | null, measuredAt?: number): Promise<void>;
  /** one reading, sent to every real-time connection and kept as the latest; resolves to how many it reached */
  sendHeartRate(bpm: number): Promise<number>;
  /** readings on a timer ("rest", "workout"); "off" stops them */
  playHeartRatePattern(pattern: HeartRatePatternName, intervalMs?: number): Promise<PlayingPattern>;
  /** ends every real-time connection at once; resolves to how many */
  dropRealTime(): Promise<number>;
  /** how many real-time connections are open */
  realTimeConnections(): Promise<number>;
  /** refuses the token from now on and closes its real-time connections */
  revokeToken(token: string): Promise<void>;
  setProfile(profile: Record<string, unknown>): Promise<void>;
  reset(): Promise<void>;
}

/** a client for the /__emulator hooks of the emulator at `url` */
export function emulatorHooks(url: string): EmulatorHooks {
  const base = url.replace(/\/+$/, "");
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${base}/__emulator${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`emulator hook ${method} ${path} answered ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  }
  return {
    seedToken: async (seed) => (await call<{ token: string }>("POST", "/tokens", seed)).token,
    seedWidgets: async (widgets) => (await call<{ widgets: StoredWidget[] }>("POST", "/widgets", { widgets })).widgets,
    widgets: async () => (await call<{ widgets: StoredWidget[] }>("GET", "/widgets")).widgets,
    requests: () => call<LoggedRequest[]>("GET", "/requests"),
    addFault: async (spec) => (await call<{ fault: PendingFault }>("POST", "/faults", spec)).fault,
    clearFaults: async () => {
      await call("DELETE", "/faults");
    },
    configure: (update) => call<EmulatorConfig>("POST", "/config", update),
    approveDevice: async (userCode) => {
      await call("POST", `/devices/${encodeURIComponent(userCode)}/approve`, {});
    },
    denyDevice: async (userCode) => {
      await call("POST", `/devices/${encodeURIComponent(userCode)}/deny`, {});
    },
    setHeartRate: async (heartRate, measuredAt) => {
      await call("POST", "/heart_rate", { heartRate, measuredAt });
    },
    sendHeartRate: async (bpm) => (await call<{ sentTo: number }>("POST", "/heart-rate", { bpm })).sentTo,
    playHeartRatePattern: (pattern, intervalMs) =>
      call<PlayingPattern>("POST", "/heart-rate/pattern", { pattern, intervalMs }),
    dropRealTime: async () => (await call<{ dropped: number }>("POST", "/real-time/drop", {})).dropped,
    realTimeConnections: async () => (await call<{ connections: number }>("GET", "/real-time")).connections,
    revokeToken: async (token) => {
      await call("POST", `/tokens/${encodeURIComponent(token)}/revoke`, {});
    },
    setProfile: async (profile) => {
      await call("POST", "/profile", profile);
    },
    reset: async () => {
      await call("POST", "/reset", {});
    },
  };
}

/** seeds a token with the given scopes on the emulator at `url` and returns its value */
export function seedToken(url: string, scopes: string[], seed: Omit<TokenSeed, "scopes"> = {}): Promise<string> {
  return emulatorHooks(url).seedToken({ ...seed, scopes });
}

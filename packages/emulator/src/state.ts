import { randomUUID } from "node:crypto";
import type { HttpBindings } from "@hono/node-server";
import { defaultConfig, type EmulatorConfig } from "./config.js";
import { createDeviceRegistry, type DeviceRegistry } from "./devices.js";
import { createFaultQueue, type FaultQueue } from "./faults.js";
import { recordReading } from "./heart-rate.js";
import { createHeartRatePatternPlayer, type HeartRatePatternPlayer } from "./heart-rate-pattern.js";
import { createRealTimeConnections, type RealTimeConnections } from "./real-time-connections.js";
import { createRequestLog, type LoggedRequest, type RequestLog } from "./request-log.js";
import { createStore, type Store, type StoredToken } from "./store.js";

/** everything one emulator instance knows */
export interface EmulatorState {
  store: Store;
  devices: DeviceRegistry;
  faults: FaultQueue;
  log: RequestLog;
  config: EmulatorConfig;
  /** the one user profile every token of this emulator belongs to */
  profileId: string;
  /** arrival times (epoch ms) of recent API requests, for the optional rate limit */
  recentApiRequests: number[];
  /** what GET /api/v1/profile answers */
  profile: Record<string, unknown>;
  /** the latest heart-rate reading; null until one is seeded */
  heartRate: HeartRateReading | null;
  /** open connections of the real-time WebSocket */
  realTime: RealTimeConnections;
  /** readings on a timer, set by the pattern hook */
  pattern: HeartRatePatternPlayer;
}

/** one heart-rate reading */
export interface HeartRateReading {
  heartRate: number;
  /** epoch milliseconds */
  measuredAt: number;
}

/** the profile a fresh emulator answers; the docs name the fields but not their types */
export function defaultProfile(): Record<string, unknown> {
  return { channel: "emulator-user", username: "emulator-user", mobile_login: false, heart_rate: null };
}

/** Hono environment shared by every route */
export interface AppEnv {
  Bindings: HttpBindings;
  Variables: {
    rawBody: string;
    logEntry: LoggedRequest | undefined;
    token: StoredToken;
    /** set when the connection was reset or left hanging, so the log records no status */
    unanswered: boolean;
  };
}

/** what a fresh state is built from */
export interface StateOptions {
  dataFile?: string;
  maxLoggedRequests?: number;
  maxDeviceAuthorizations?: number;
}

/** creates the state of a fresh emulator, loading widgets and tokens from the data file when given */
export function createState(options: StateOptions = {}): EmulatorState {
  const state: EmulatorState = {
    store: createStore(options.dataFile),
    devices: createDeviceRegistry(options.maxDeviceAuthorizations),
    faults: createFaultQueue(),
    log: createRequestLog(options.maxLoggedRequests),
    config: defaultConfig(),
    profileId: randomUUID(),
    recentApiRequests: [],
    profile: defaultProfile(),
    heartRate: null,
    realTime: createRealTimeConnections(),
    pattern: createHeartRatePatternPlayer((bpm) => recordReading(state, bpm)),
  };
  return state;
}

/**
 * empties widgets, tokens, faults, device codes, readings and the log, stops the pattern, ends the
 * real-time connections and restores the default config
 */
export function resetState(state: EmulatorState): void {
  state.pattern.stop();
  state.realTime.drop();
  state.store.clear();
  state.devices.clear();
  state.faults.clear();
  state.log.clear();
  state.config = defaultConfig();
  state.recentApiRequests = [];
  state.profile = defaultProfile();
  state.heartRate = null;
}

/** a year, the lifetime of tokens the emulator issues unless told otherwise */
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 365 * 24 * 60 * 60;

/** what a new token needs; everything but the scopes has a default */
export interface TokenSeed {
  /** the token value; a UUID is generated when omitted */
  token?: string;
  scopes: string[];
  /** seconds until it expires (default a year) */
  expiresIn?: number;
  /** create it already expired */
  expired?: boolean;
  clientId?: string;
}

/** the client id of tokens seeded without one */
export const DEFAULT_CLIENT_ID = "pulsekit-emulator";

/** stores a new token and returns its value */
export function issueToken(state: EmulatorState, seed: TokenSeed): string {
  const lifetime = seed.expiresIn ?? DEFAULT_TOKEN_LIFETIME_SECONDS;
  const record: StoredToken = {
    token: seed.token ?? randomUUID(),
    scopes: [...seed.scopes],
    clientId: seed.clientId ?? DEFAULT_CLIENT_ID,
    profileId: state.profileId,
    expiresAt: seed.expired ? Date.now() - 1000 : Date.now() + lifetime * 1000,
  };
  state.store.addToken(record);
  return record.token;
}

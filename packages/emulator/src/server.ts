import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createApp } from "./app.js";
import { applyConfigUpdate, type EmulatorConfig } from "./config.js";
import { type FaultSpec, type PendingFault, parseFaultSpec } from "./faults.js";
import { bpmProblem, patternProblem, recordReading } from "./heart-rate.js";
import type { HeartRatePatternName, PlayingPattern } from "./heart-rate-pattern.js";
import { parseWidgetSeeds } from "./hooks.js";
import type { LoggedRequest } from "./request-log.js";
import { realTimeUpgrades } from "./routes/real-time.js";
import { ALL_SCOPES } from "./scopes.js";
import { createState, issueToken, resetState, type TokenSeed } from "./state.js";
import type { StoredWidget } from "./store.js";

/** where and how to start an emulator */
export interface EmulatorOptions {
  /** port to listen on; 0 (the default) picks a free one */
  port?: number;
  /** address to listen on (default 127.0.0.1) */
  host?: string;
  /** JSON file that keeps widgets and tokens across restarts; in memory only when omitted */
  dataFile?: string;
  /** how many requests the log keeps, the oldest dropped first (default 1000) */
  maxLoggedRequests?: number;
  /** how many device authorizations are kept, expired then oldest dropped first (default 1000) */
  maxDeviceAuthorizations?: number;
}

/** a widget to seed; the id is generated when omitted */
export type WidgetSeed = Omit<StoredWidget, "id"> & { id?: string };

/** a running emulator and in-process shortcuts to its test hooks */
export interface Emulator {
  /** base URL of both the API and the OAuth paths, without a trailing slash */
  url: string;
  port: number;
  /** stops the server, hung connections included */
  close(): Promise<void>;
  /** stores a token (every documented scope unless told otherwise) and returns its value */
  seedToken(seed?: Partial<TokenSeed>): string;
  /** stores widgets as they are, any meta id allowed */
  seedWidgets(widgets: WidgetSeed[]): StoredWidget[];
  /** every stored widget in creation order */
  widgets(): StoredWidget[];
  /** every non-hook request so far, in arrival order */
  requests(): LoggedRequest[];
  /** makes the next matching requests misbehave */
  addFault(spec: FaultSpec): PendingFault;
  /** changes part of the config and returns all of it */
  configure(update: Partial<EmulatorConfig>): EmulatorConfig;
  /**
   * sets the latest heart-rate reading (measured now unless told otherwise) and sends it to the
   * real-time connections; null means no data yet
   */
  setHeartRate(heartRate: number | null, measuredAt?: number): void;
  /** one reading (0 to 300 bpm), sent to every real-time connection and kept as the latest; returns how many it reached */
  sendHeartRate(bpm: number): number;
  /** readings on a timer ("rest", "workout"), every intervalMs (default 1000, at least 20); "off" stops them */
  playHeartRatePattern(pattern: HeartRatePatternName, intervalMs?: number): PlayingPattern;
  /** ends every real-time connection at once, without a close frame; returns how many */
  dropRealTime(): number;
  /** how many real-time connections are open */
  realTimeConnections(): number;
  /** refuses the token from now on and closes its real-time connections with 4001 "token_revoked" */
  revokeToken(token: string): void;
  /** replaces what GET /api/v1/profile answers */
  setProfile(profile: Record<string, unknown>): void;
  /**
   * empties widgets, tokens, faults, device codes, readings and the log, stops the pattern, ends the
   * real-time connections and restores the default config
   */
  reset(): void;
}

function displayHost(host: string): string {
  if (host === "0.0.0.0") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}

function checkLimit(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isInteger(value) && value > 0)) {
    throw new Error(`${name} must be a whole number > 0, got ${value}`);
  }
}

/** starts an emulator and resolves once it is listening */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  checkLimit("maxLoggedRequests", options.maxLoggedRequests);
  checkLimit("maxDeviceAuthorizations", options.maxDeviceAuthorizations);
  const state = createState(options);
  const app = createApp(state);
  const host = options.host ?? "127.0.0.1";
  const server = await new Promise<Server>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, () =>
      resolve(started as Server),
    );
    started.once("error", reject);
  });
  const upgrades = realTimeUpgrades(state);
  server.on("upgrade", upgrades.handle);
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;

  return {
    url: `http://${displayHost(host)}:${port}`,
    port,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        state.pattern.stop();
        upgrades.close();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
    seedToken: (seed = {}) => issueToken(state, { ...seed, scopes: seed.scopes ?? [...ALL_SCOPES] }),
    seedWidgets(widgets) {
      const parsed = parseWidgetSeeds({ widgets });
      if ("problem" in parsed) throw new Error(`cannot seed widgets: ${parsed.problem}`);
      return parsed.widgets.map((widget) => state.store.addWidget(widget));
    },
    widgets: () => state.store.widgets(),
    requests: () => state.log.list(),
    addFault(spec) {
      const parsed = parseFaultSpec(spec);
      if ("problem" in parsed) throw new Error(`cannot add the fault: ${parsed.problem}`);
      return state.faults.add(parsed.spec);
    },
    configure(update) {
      const parsed = applyConfigUpdate(state.config, update);
      if ("problem" in parsed) throw new Error(`cannot change the config: ${parsed.problem}`);
      state.config = parsed.config;
      return { ...state.config };
    },
    setHeartRate(heartRate, measuredAt) {
      if (heartRate === null) state.heartRate = null;
      else recordReading(state, heartRate, measuredAt ?? Date.now());
    },
    sendHeartRate(bpm) {
      const problem = bpmProblem(bpm);
      if (problem) throw new Error(`cannot send the heart rate: ${problem}`);
      return recordReading(state, bpm).sentTo;
    },
    playHeartRatePattern(pattern, intervalMs) {
      const problem = patternProblem(pattern, intervalMs);
      if (problem) throw new Error(`cannot play the heart-rate pattern: ${problem}`);
      return state.pattern.play(pattern, intervalMs);
    },
    dropRealTime: () => state.realTime.drop(),
    realTimeConnections: () => state.realTime.size(),
    revokeToken(token) {
      if (!state.store.revokeToken(token)) throw new Error("cannot revoke the token: no such token");
      state.realTime.closeToken(token);
    },
    setProfile(profile) {
      state.profile = structuredClone(profile);
    },
    reset: () => resetState(state),
  };
}

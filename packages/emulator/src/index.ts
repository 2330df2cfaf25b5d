export type { EmulatorConfig } from "./config.js";
export { defaultConfig } from "./config.js";
export type { ErrorBody } from "./errors.js";
export { DOCUMENTED_ERRORS, EMULATOR_ERRORS } from "./errors.js";
export type { FaultSpec, PendingFault } from "./faults.js";
export { MAX_BPM } from "./heart-rate.js";
export type { HeartRatePatternName, PlayingPattern } from "./heart-rate-pattern.js";
export {
  DEFAULT_PATTERN_INTERVAL_MS,
  HEART_RATE_PATTERNS,
  MAX_PATTERN_INTERVAL_MS,
  MIN_PATTERN_INTERVAL_MS,
} from "./heart-rate-pattern.js";
export type { EmulatorHooks } from "./hooks-client.js";
export { emulatorHooks, seedToken } from "./hooks-client.js";
export { TOKEN_REVOKED_CLOSE } from "./real-time-connections.js";
export type { LoggedRequest } from "./request-log.js";
export { REAL_TIME_PATH } from "./routes/real-time.js";
export type { Scope } from "./scopes.js";
export { ALL_SCOPES, BASIC_BPM_META_ID } from "./scopes.js";
export type { Emulator, EmulatorOptions, WidgetSeed } from "./server.js";
export { startEmulator } from "./server.js";
export type { HeartRateReading, TokenSeed } from "./state.js";
export { DEFAULT_CLIENT_ID, DEFAULT_TOKEN_LIFETIME_SECONDS } from "./state.js";
export type { StoredToken, StoredWidget } from "./store.js";

export { errorFromResponse, parseRetryAfter } from "./api-errors.js";
export {
  type CreateOptions,
  type CreateWidgetInput,
  createPulsoidClient,
  DEFAULT_DEADLINE_MS,
  DEFAULT_RATE_LIMIT,
  DEFAULT_TIMEOUT_MS,
  type PulsoidClient,
  type PulsoidClientOptions,
  type RateLimitOptions,
  type RetryOptions,
} from "./client.js";
export {
  createDeviceSignIn,
  type DeviceCode,
  type DeviceSignIn,
  type DeviceSignInOptions,
  type DeviceSignInResult,
  type DeviceSignInState,
} from "./device-sign-in.js";
export { type EndpointSource, endpointsFromEnv, type PulsoidEndpoints, resolveEndpoints } from "./endpoints.js";
export {
  describeError,
  invalidInput,
  isPulsoidError,
  PulsoidError,
  type PulsoidErrorDetails,
  type PulsoidErrorKind,
  type UnfinishedCreate,
} from "./errors.js";
export { fieldLabel } from "./field-label.js";
export { findWidget } from "./find-widget.js";
export {
  type BackoffOptions,
  createHeartRateSource,
  DEFAULT_BACKOFF,
  DEFAULT_STALE_AFTER_MS,
  type HeaderWebSocketClass,
  type HeartRateReading,
  type HeartRateSource,
  type HeartRateSourceOptions,
  type HeartRateState,
  type OpenWebSocket,
  openWebSocketWith,
  realTimeUrl,
  reconnectDelay,
  type WebSocketLike,
  type Zone,
  zoneColor,
} from "./heart-rate.js";
export type { RequestEvent } from "./http.js";
export { formatRequestEvent, HIDDEN, redactSecrets } from "./log-text.js";
export { applyMergePatch, createMergePatch, isPlainObject } from "./merge-patch.js";
export { BASIC_BPM_META_ID, isBasicBpmWidget, widgetTypeLabel } from "./meta.js";
export { isNameTemplate, renderWidgetName } from "./name-template.js";
export { type NextStep, type NextStepAdvice, nextStep } from "./next-step.js";
export type { CallOptions } from "./operation.js";
export {
  configurationFromPreset,
  DEFAULT_PRESET_ID,
  getPreset,
  listPresets,
  parseUserPresets,
  type UserPresets,
  type WidgetPreset,
  widgetPresetSchema,
} from "./presets.js";
export {
  type BasicBpmConfiguration,
  basicBpmConfigurationSchema,
  type CreateWidgetBody,
  createWidgetBodySchema,
  type ErrorBody,
  errorBodySchema,
  type HeartRateRange,
  heartRateMessageSchema,
  heartRateRangeSchema,
  hexColorSchema,
  isHexColor,
  MAX_BPM,
  MIN_BPM,
  normalizeHexColor,
  type Profile,
  profileSchema,
  type TokenValidation,
  tokenValidationSchema,
  type UpdateWidgetBody,
  updateWidgetBodySchema,
  type Widget,
  type WidgetConfiguration,
  widgetConfigurationSchema,
  widgetListResponseSchema,
  widgetNameSchema,
  widgetResponseSchema,
  widgetSchema,
} from "./schema.js";
export {
  HEART_RATE_SCOPES,
  missingScopeMessage,
  missingScopes,
  SCOPES,
  type Scope,
  SIGN_IN_SCOPES,
  TOKEN_SCOPE_HINT,
  WIDGET_SCOPES,
} from "./scopes.js";
export { REVOKE_DEADLINE_MS, type SignOutResult, signOut } from "./sign-out.js";
export { checkToken, type TokenStatus } from "./token-status.js";
export {
  CLIENT_REGISTRATION_URL,
  DEFAULT_API_URL,
  DEFAULT_OAUTH_URL,
  normalizeBaseUrl,
  secureBaseUrl,
  TOKEN_SETTINGS_URL,
  widgetUrlCaveat,
  widgetViewUrl,
} from "./urls.js";
export {
  configurationJsonSchema,
  parseAccessToken,
  parseConfigurationJson,
  parseJsonText,
  validateConfiguration,
  validateJsonConfiguration,
  validateWidgetId,
  validateWidgetName,
} from "./validate.js";

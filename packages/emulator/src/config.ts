/** switches that choose between the documented readings of the API, plus test timings */
export interface EmulatorConfig {
  /** status of a refused token (codes 7005, 7006, 7009, 7010): the error table says 403, newer pages 401 */
  refusedStatus: 401 | 403;
  /** whether error_code is sent as a number (documented) or a string (as in the doc example) */
  errorCodeType: "number" | "string";
  /** widget list as `{"widgets": [...]}` or as a bare array */
  listShape: "object" | "array";
  /** seconds a device-flow client must wait between polls */
  deviceInterval: number;
  /** seconds a device code stays valid */
  deviceExpiresIn: number;
  /** API requests allowed per second before answering 429; null turns the limit off */
  rateLimitPerSecond: number | null;
}

/** the configuration a fresh emulator starts with */
export function defaultConfig(): EmulatorConfig {
  return {
    refusedStatus: 403,
    errorCodeType: "number",
    listShape: "object",
    deviceInterval: 3,
    deviceExpiresIn: 600,
    rateLimitPerSecond: null,
  };
}

const isNonNegativeInteger = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= 0;

/** checks a partial config update; returns the updated config or a sentence saying what is wrong */
export function applyConfigUpdate(
  current: EmulatorConfig,
  update: unknown,
): { config: EmulatorConfig } | { problem: string } {
  if (typeof update !== "object" || update === null || Array.isArray(update)) {
    return { problem: "the config body must be a JSON object" };
  }
  const next = { ...current };
  for (const [key, value] of Object.entries(update)) {
    switch (key) {
      case "refusedStatus":
        if (value !== 401 && value !== 403) return { problem: "refusedStatus must be 401 or 403" };
        next.refusedStatus = value;
        break;
      case "errorCodeType":
        if (value !== "number" && value !== "string") return { problem: 'errorCodeType must be "number" or "string"' };
        next.errorCodeType = value;
        break;
      case "listShape":
        if (value !== "object" && value !== "array") return { problem: 'listShape must be "object" or "array"' };
        next.listShape = value;
        break;
      case "deviceInterval":
        if (!isNonNegativeInteger(value)) return { problem: "deviceInterval must be a whole number of seconds >= 0" };
        next.deviceInterval = value;
        break;
      case "deviceExpiresIn":
        if (!isNonNegativeInteger(value)) return { problem: "deviceExpiresIn must be a whole number of seconds >= 0" };
        next.deviceExpiresIn = value;
        break;
      case "rateLimitPerSecond":
        if (value !== null && !(isNonNegativeInteger(value) && value > 0)) {
          return { problem: "rateLimitPerSecond must be a whole number > 0, or null to turn it off" };
        }
        next.rateLimitPerSecond = value;
        break;
      default:
        return { problem: `unknown config key "${key}"` };
    }
  }
  return { config: next };
}

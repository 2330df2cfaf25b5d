// the manifest a streamer installs carries no debug switch: `Nodejs.Debug` (an inspector port the app opens
// on the plugin's Node), profiler output or `--inspect` arguments belong to a developer's linked copy only

/** manifest keys that switch on debugging or profiling (not PropertyInspectorPath: that inspector is the settings page) */
const DEBUG_KEY = /debug|profiler/i;
/** values that pass Node an inspector flag */
const DEBUG_VALUE = /^--(inspect|debug)/;

/**
 * the paths (`Nodejs.Debug`) of every debug setting in a manifest, at any depth
 * @param {unknown} value
 * @param {string} [path]
 * @returns {string[]}
 */
export function debugSettings(value, path = "") {
  if (typeof value === "string") return DEBUG_VALUE.test(value) ? [path] : [];
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const at = path ? `${path}.${key}` : key;
    return DEBUG_KEY.test(key) ? [at] : debugSettings(child, at);
  });
}

/**
 * a copy of the manifest without its debug settings (objects only; arrays keep their entries)
 * @template T
 * @param {T} value
 * @returns {T}
 */
export function withoutDebugSettings(value) {
  if (Array.isArray(value)) return /** @type {T} */ (value.map(withoutDebugSettings));
  if (typeof value !== "object" || value === null) return value;
  const kept = Object.entries(value).filter(
    ([key, child]) => !DEBUG_KEY.test(key) && !(typeof child === "string" && DEBUG_VALUE.test(child)),
  );
  return /** @type {T} */ (Object.fromEntries(kept.map(([key, child]) => [key, withoutDebugSettings(child)])));
}

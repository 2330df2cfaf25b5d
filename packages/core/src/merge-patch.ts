type JsonObject = Record<string, unknown>;

/** true for an object that is not an array or null: what JSON calls an object */
export const isPlainObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** applies a JSON merge patch (RFC 7386): objects merge, everything else replaces, null removes a key */
export function applyMergePatch(target: JsonObject, patch: JsonObject): JsonObject {
  const result: JsonObject = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else if (isPlainObject(value)) result[key] = applyMergePatch(isPlainObject(result[key]) ? result[key] : {}, value);
    else result[key] = value;
  }
  return result;
}

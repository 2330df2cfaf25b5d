type JsonObject = Record<string, unknown>;

/** true for an object that is not an array or null: what JSON calls an object */
export const isPlainObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** applies a JSON merge patch (RFC 7396): objects merge, everything else replaces, null removes a key */
export function applyMergePatch(target: JsonObject, patch: JsonObject): JsonObject {
  const result: JsonObject = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else if (isPlainObject(value)) result[key] = applyMergePatch(isPlainObject(result[key]) ? result[key] : {}, value);
    else result[key] = value;
  }
  return result;
}

/** the merge patch (RFC 7396) that turns `before` into `after`: changed keys, removed keys as null */
export function createMergePatch(before: JsonObject, after: JsonObject): JsonObject {
  const patch: JsonObject = {};
  for (const key of Object.keys(before)) {
    if (!(key in after)) patch[key] = null;
  }
  for (const [key, value] of Object.entries(after)) {
    const old = before[key];
    if (isPlainObject(old) && isPlainObject(value)) {
      const nested = createMergePatch(old, value);
      if (Object.keys(nested).length > 0) patch[key] = nested;
    } else if (JSON.stringify(old) !== JSON.stringify(value)) {
      patch[key] = value;
    }
  }
  return patch;
}

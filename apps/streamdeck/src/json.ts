// the JSON shapes the Stream Deck SDK accepts for settings and messages (as in @elgato/utils)

/** a JSON primitive; undefined drops the key */
export type JsonPrimitive = boolean | number | string | null | undefined;
/** any JSON value */
export type JsonValue = JsonObject | JsonPrimitive | JsonValue[];
/** a JSON object */
export type JsonObject = { [key: string]: JsonValue };

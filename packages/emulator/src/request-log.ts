/** one request the emulator received, as `GET /__emulator/requests` lists it */
export interface LoggedRequest {
  method: string;
  /** path without the query string */
  path: string;
  /** the status answered; null when the connection was reset or left hanging */
  status: number | null;
  /** parsed JSON or form body (token values redacted), or the raw text */
  body?: unknown;
  /** query parameters (token values redacted) */
  query?: Record<string, string>;
}

const secretKeys = new Set(["token", "access_token", "refresh_token", "client_secret", "device_code"]);
const redacted = "[redacted]";

function redactRecord(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [key, secretKeys.has(key) ? redacted : value]),
  );
}

/** the largest body the log keeps as it came; a bigger one is logged by its size, so a full log stays small */
export const MAX_LOGGED_BODY_BYTES = 64 * 1024;

/** turns a raw request body into what the log shows, with secrets redacted; a large one only by its size */
export function describeBody(contentType: string | undefined, raw: string): unknown {
  const described = readBody(contentType, raw);
  const size = JSON.stringify(described)?.length ?? 0;
  return size > MAX_LOGGED_BODY_BYTES ? `[a body of ${raw.length} characters, not kept]` : described;
}

function readBody(contentType: string | undefined, raw: string): unknown {
  if (raw.length === 0) return undefined;
  const type = (contentType ?? "").toLowerCase();
  if (type.includes("application/x-www-form-urlencoded")) {
    return redactRecord(Object.fromEntries(new URLSearchParams(raw)));
  }
  if (type.includes("json")) {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
        return redactRecord(parsed as Record<string, unknown>);
      }
      return parsed;
    } catch {
      return raw;
    }
  }
  return raw;
}

/** turns query parameters into what the log shows, with secrets redacted; undefined when there are none */
export function describeQuery(search: URLSearchParams): Record<string, string> | undefined {
  const entries = [...search.entries()];
  if (entries.length === 0) return undefined;
  return redactRecord(Object.fromEntries(entries)) as Record<string, string>;
}

/** how many requests the log keeps unless told otherwise */
export const DEFAULT_MAX_LOGGED_REQUESTS = 1000;

/** the latest requests in arrival order */
export interface RequestLog {
  /** appends an entry, dropping the oldest once the log is full */
  add(entry: LoggedRequest): LoggedRequest;
  list(): LoggedRequest[];
  clear(): void;
}

/** creates an empty request log that keeps at most `maxEntries` requests */
export function createRequestLog(maxEntries = DEFAULT_MAX_LOGGED_REQUESTS): RequestLog {
  const entries: LoggedRequest[] = [];
  return {
    add(entry) {
      entries.push(entry);
      if (entries.length > maxEntries) entries.splice(0, entries.length - maxEntries);
      return entry;
    },
    list: () => entries.map((entry) => ({ ...entry })),
    clear() {
      entries.length = 0;
    },
  };
}

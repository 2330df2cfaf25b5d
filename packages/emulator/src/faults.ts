/** how the next matching requests misbehave */
export interface FaultSpec {
  /** HTTP method to match; any when omitted */
  method?: string;
  /** exact path, or a prefix ending in `*`; any when omitted */
  path?: string;
  /** how many matching requests misbehave (default 1) */
  times?: number;
  /** answer this status: with an error body when errorCode is given, with an empty body otherwise */
  status?: number;
  errorCode?: number;
  /** value of the Retry-After header (seconds or an HTTP date) */
  retryAfter?: string;
  /** wait this long before handling the request */
  delayMs?: number;
  /** never answer; the socket stays open until the client gives up or the emulator closes */
  hang?: boolean;
  /** handle the request normally (a create is stored), then destroy the socket without answering */
  resetAfterStore?: boolean;
  /** answer 200 with a body of the wrong shape (true) or with invalid JSON text ("json") */
  malformed?: boolean | "json";
}

/** a fault waiting for its requests, with how many are left */
export type PendingFault = FaultSpec & { times: number };

/** faults waiting to be applied, in the order they were added */
export interface FaultQueue {
  add(spec: FaultSpec): PendingFault;
  /** the first pending fault that matches, counted as used once */
  take(method: string, path: string): PendingFault | undefined;
  list(): PendingFault[];
  clear(): void;
}

const isPositiveInteger = (value: unknown) => typeof value === "number" && Number.isInteger(value) && value > 0;
const isNonNegative = (value: unknown) => typeof value === "number" && Number.isFinite(value) && value >= 0;

/** checks a fault body; returns the spec or a sentence saying what is wrong */
export function parseFaultSpec(body: unknown): { spec: FaultSpec } | { problem: string } {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { problem: "the fault body must be a JSON object" };
  }
  const spec = body as Record<string, unknown>;
  const known = [
    "method",
    "path",
    "times",
    "status",
    "errorCode",
    "retryAfter",
    "delayMs",
    "hang",
    "resetAfterStore",
    "malformed",
  ];
  const unknown = Object.keys(spec).find((key) => !known.includes(key));
  if (unknown) return { problem: `unknown fault key "${unknown}"` };
  if (spec.method !== undefined && typeof spec.method !== "string") return { problem: "method must be a string" };
  if (spec.path !== undefined && (typeof spec.path !== "string" || !spec.path.startsWith("/"))) {
    return { problem: 'path must be a string starting with "/"' };
  }
  if (spec.times !== undefined && !isPositiveInteger(spec.times))
    return { problem: "times must be a whole number > 0" };
  if (
    spec.status !== undefined &&
    !(typeof spec.status === "number" && Number.isInteger(spec.status) && spec.status >= 200 && spec.status <= 599)
  ) {
    return { problem: "status must be a whole number from 200 to 599" };
  }
  if (spec.errorCode !== undefined && !(typeof spec.errorCode === "number" && Number.isInteger(spec.errorCode))) {
    return { problem: "errorCode must be a whole number" };
  }
  if (spec.errorCode !== undefined && spec.status === undefined) return { problem: "errorCode needs a status" };
  if (spec.errorCode !== undefined && [204, 205, 304].includes(spec.status as number)) {
    return { problem: `status ${spec.status} cannot carry an error body; drop errorCode` };
  }
  if (spec.retryAfter !== undefined && typeof spec.retryAfter !== "string") {
    return { problem: "retryAfter must be a string (seconds or an HTTP date)" };
  }
  if (spec.delayMs !== undefined && !isNonNegative(spec.delayMs)) return { problem: "delayMs must be a number >= 0" };
  if (spec.hang !== undefined && typeof spec.hang !== "boolean") return { problem: "hang must be a boolean" };
  if (spec.resetAfterStore !== undefined && typeof spec.resetAfterStore !== "boolean") {
    return { problem: "resetAfterStore must be a boolean" };
  }
  if (
    spec.malformed !== undefined &&
    spec.malformed !== true &&
    spec.malformed !== false &&
    spec.malformed !== "json"
  ) {
    return { problem: 'malformed must be true, false or "json"' };
  }
  const outcomes = [spec.status !== undefined, spec.hang === true, spec.resetAfterStore === true, !!spec.malformed];
  if (outcomes.filter(Boolean).length > 1) {
    return { problem: "choose one of status, hang, resetAfterStore and malformed per fault" };
  }
  return { spec: spec as FaultSpec };
}

function matches(fault: PendingFault, method: string, path: string): boolean {
  if (fault.method && fault.method.toUpperCase() !== method.toUpperCase()) return false;
  if (!fault.path) return true;
  if (fault.path.endsWith("*")) return path.startsWith(fault.path.slice(0, -1));
  return fault.path === path;
}

/** creates an empty fault queue */
export function createFaultQueue(): FaultQueue {
  let faults: PendingFault[] = [];
  return {
    add(spec) {
      const fault = { ...spec, times: spec.times ?? 1 };
      faults.push(fault);
      return { ...fault };
    },
    take(method, path) {
      const fault = faults.find((f) => matches(f, method, path));
      if (!fault) return undefined;
      fault.times -= 1;
      if (fault.times <= 0) faults = faults.filter((f) => f !== fault);
      return { ...fault };
    },
    list: () => faults.map((fault) => ({ ...fault })),
    clear() {
      faults = [];
    },
  };
}

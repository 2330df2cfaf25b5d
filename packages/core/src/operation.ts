import { PulsoidError } from "./errors.js";

/** what every client call accepts: a signal to cancel it and its own overall deadline */
export interface CallOptions {
  /** cancels the call; a create that may already have reached Pulsoid says so */
  signal?: AbortSignal;
  /** the most the whole call may take, retries and checks included */
  deadlineMs?: number;
}

/** one client call in progress: when it must end, and how it is cancelled */
export interface Operation {
  /** epoch milliseconds when the call started */
  readonly started: number;
  /** epoch milliseconds by which the call ends, however it goes */
  readonly deadline: number;
  /** aborted when the caller cancels or the deadline passes */
  readonly signal: AbortSignal;
  /** true once the caller's signal aborted (as opposed to the deadline passing) */
  cancelled(): boolean;
  /** milliseconds left before the deadline (never below 0) */
  remaining(): number;
  /** throws the cancel or deadline error when the call must stop now */
  check(): void;
  /** releases the deadline timer */
  end(): void;
}

/** the error for a call that was cancelled by its caller or ran out of time */
export function stoppedError(operation: Operation): PulsoidError {
  if (operation.cancelled()) {
    return new PulsoidError("timeout", "Cancelled before Pulsoid answered.", { cancelled: true, retryable: false });
  }
  const seconds = Math.max(1, Math.round((operation.deadline - operation.started) / 1000));
  return new PulsoidError(
    "timeout",
    `Pulsoid did not finish within ${seconds} s. Check your connection and try again.`,
    { retryable: false },
  );
}

/** starts a call that must end by `deadlineMs` from now, or when the caller's signal aborts */
export function startOperation(options: CallOptions | undefined, defaultDeadlineMs: number): Operation {
  const started = Date.now();
  const deadlineMs = options?.deadlineMs ?? defaultDeadlineMs;
  const deadline = started + deadlineMs;
  const controller = new AbortController();
  const caller = options?.signal;
  const timer = setTimeout(() => controller.abort(), deadlineMs);
  const onCallerAbort = () => controller.abort();
  if (caller?.aborted) controller.abort();
  else caller?.addEventListener("abort", onCallerAbort, { once: true });
  const operation: Operation = {
    started,
    deadline,
    signal: controller.signal,
    cancelled: () => caller?.aborted === true,
    remaining: () => Math.max(0, deadline - Date.now()),
    check() {
      if (controller.signal.aborted || Date.now() >= deadline) throw stoppedError(operation);
    },
    end() {
      clearTimeout(timer);
      caller?.removeEventListener("abort", onCallerAbort);
    },
  };
  return operation;
}

/**
 * waits ms unless that would pass the deadline; resolves false (without waiting) when the wait does not
 * fit, so the caller gives up instead of sleeping for a retry that cannot happen
 */
export function sleepWithin(operation: Operation, ms: number): Promise<boolean> {
  if (Date.now() + ms >= operation.deadline || operation.signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (slept: boolean) => {
      clearTimeout(timer);
      operation.signal.removeEventListener("abort", onAbort);
      resolve(slept);
    };
    const onAbort = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    operation.signal.addEventListener("abort", onAbort, { once: true });
  });
}

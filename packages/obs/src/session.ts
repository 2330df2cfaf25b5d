import OBSWebSocket, { EventSubscription, type OBSRequestTypes, OBSWebSocketError } from "obs-websocket-js/json";
import type { z } from "zod";
import { readObsAddress } from "./address.js";
import { DEFAULT_DEADLINE_MS } from "./defaults.js";
import { ObsError } from "./errors.js";
import { messages, type WidgetRef } from "./messages.js";
import { CloseCode, RequestStatus, RPC_VERSION } from "./protocol.js";

/** where OBS is and how long to wait for it */
export interface ObsConnectionOptions {
  /** OBS's WebSocket address; default ws://127.0.0.1:4455 */
  url?: string;
  /** OBS's WebSocket server password, when it has one */
  password?: string;
  /** where the streamer gives PulseKit the password, named in the wrong-password message */
  passwordSource?: string;
  /** one deadline for connecting and every request together; default 10 s */
  deadlineMs?: number;
  /** cancels the whole call; the promise then rejects with the signal's reason */
  signal?: AbortSignal;
}

/** a request's outcome: OBS's status code and, on success, its data */
export interface ObsAnswer {
  code: number;
  comment?: string;
  data: unknown;
}

/** an identified connection that counts what it sends */
export interface ObsSession {
  /** sends a request; a refusal becomes an `ObsError` */
  call(requestType: keyof OBSRequestTypes, requestData?: object): Promise<unknown>;
  /** sends a request; a refusal comes back as its status code */
  attempt(requestType: keyof OBSRequestTypes, requestData?: object): Promise<ObsAnswer>;
  /** checks an answer's shape */
  read<T extends z.ZodType>(schema: T, data: unknown, requestType: string): z.output<T>;
  /** the error for a refused request */
  refused(requestType: string, answer: ObsAnswer): ObsError;
  /** requests sent so far */
  readonly requests: number;
  /** the address, safe to show */
  readonly address: string;
}

const DEFAULT_PASSWORD_SOURCE = "PulseKit's OBS password setting";

/** connects, identifies, runs `work`, and always closes the connection */
export async function withObs<T>(
  options: ObsConnectionOptions,
  widget: WidgetRef | undefined,
  work: (session: ObsSession) => Promise<T>,
): Promise<T> {
  const target = readObsAddress(options.url);
  if ("invalid" in target) {
    throw new ObsError("failed", messages.notWebSocketAddress(target.invalid), { address: target.invalid });
  }
  const address = target.shown;
  const { signal } = options;
  signal?.throwIfAborted();
  const deadlineMs =
    options.deadlineMs !== undefined && Number.isFinite(options.deadlineMs) && options.deadlineMs > 0
      ? options.deadlineMs
      : DEFAULT_DEADLINE_MS;

  // the first of deadline, cancel and connection loss wins; every await races it
  let stopReason: unknown;
  let rejectStop: (reason: unknown) => void = () => {};
  const stopped = new Promise<never>((_, reject) => {
    rejectStop = reject;
  });
  stopped.catch(() => {});
  const stop = (reason: unknown) => {
    if (stopReason !== undefined) return;
    stopReason = reason;
    rejectStop(reason);
  };
  const race = <R>(promise: Promise<R>): Promise<R> => {
    promise.catch(() => {});
    return Promise.race([promise, stopped]);
  };

  const timer = setTimeout(
    () => stop(new ObsError("timeout", messages.timeout(address, deadlineMs, widget), { address })),
    deadlineMs,
  );
  const onAbort = () => stop(signal?.reason);
  signal?.addEventListener("abort", onAbort, { once: true });

  const obs = new OBSWebSocket();
  let phase: "connecting" | "identified" | "closing" = "connecting";
  obs.on("ConnectionClosed", (error) => {
    // obs-websocket-js leaves a pending call unanswered when the socket closes; this ends it
    if (phase === "identified") {
      stop(new ObsError("disconnected", messages.disconnected(address, widget), { address, code: error.code }));
    }
  });

  let requests = 0;
  const attempt = async (requestType: keyof OBSRequestTypes, requestData?: object): Promise<ObsAnswer> => {
    requests += 1;
    try {
      // biome-ignore lint/suspicious/noExplicitAny: the request table is typed per name; callers pass matching data
      const data = await race(obs.call(requestType, requestData as any));
      return { code: RequestStatus.Success, data };
    } catch (error) {
      if (stopReason !== undefined) throw stopReason;
      if (error instanceof OBSWebSocketError) return { code: error.code, comment: error.message, data: undefined };
      throw new ObsError("disconnected", messages.disconnected(address, widget), { address, cause: error });
    }
  };
  const refused = (requestType: string, answer: ObsAnswer): ObsError =>
    answer.code === RequestStatus.UnknownRequestType
      ? new ObsError("too_old", messages.missingRequest(address, requestType), { address, code: answer.code })
      : new ObsError("failed", messages.requestFailed(requestType, answer.code, answer.comment, widget), {
          address,
          code: answer.code,
        });
  const session: ObsSession = {
    attempt,
    async call(requestType, requestData) {
      const answer = await attempt(requestType, requestData);
      if (answer.code !== RequestStatus.Success) throw refused(requestType, answer);
      return answer.data;
    },
    read(schema, data, requestType) {
      const parsed = schema.safeParse(data);
      if (!parsed.success) {
        throw new ObsError("failed", messages.unexpectedAnswer(requestType, widget), { address, cause: parsed.error });
      }
      return parsed.data;
    },
    refused,
    get requests() {
      return requests;
    },
    address,
  };

  try {
    try {
      await race(
        obs.connect(target.url, options.password || undefined, {
          rpcVersion: RPC_VERSION,
          eventSubscriptions: EventSubscription.None,
        }),
      );
    } catch (error) {
      if (stopReason !== undefined) throw stopReason;
      throw connectError(error, address, options, widget);
    }
    phase = "identified";
    return await work(session);
  } finally {
    phase = "closing";
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
    await closeQuietly(obs);
  }
}

/** what a failed connect or identify means for the streamer */
function connectError(
  error: unknown,
  address: string,
  options: ObsConnectionOptions,
  widget: WidgetRef | undefined,
): ObsError {
  const code = error instanceof OBSWebSocketError ? error.code : undefined;
  const text = error instanceof Error ? error.message : "";
  const details = { address, code, cause: error };
  if (code === CloseCode.AuthenticationFailed) {
    const source = options.passwordSource ?? DEFAULT_PASSWORD_SOURCE;
    const message = options.password
      ? messages.wrongPassword(address, source)
      : messages.passwordNeeded(address, source);
    return new ObsError("auth_failed", message, details);
  }
  if (code === CloseCode.UnsupportedRpcVersion) return new ObsError("too_old", messages.rpcVersion(address), details);
  // obs-websocket 4 negotiates no subprotocol; obs-websocket-js refuses such a server
  if (/subprotocol/i.test(text)) return new ObsError("too_old", messages.protocol4(address), details);
  if (code !== undefined && code >= 1000) {
    return new ObsError("disconnected", messages.disconnected(address, widget), details);
  }
  return new ObsError("unreachable", messages.unreachable(address), details);
}

/** closes the socket; a frozen OBS never answers the close frame, and ws would wait 30 s for it */
async function closeQuietly(obs: OBSWebSocket): Promise<void> {
  const socket = (obs as unknown as { socket?: { terminate?: () => void } }).socket;
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    obs.disconnect().catch(() => {}),
    new Promise((resolve) => {
      timer = setTimeout(resolve, 250);
    }),
  ]);
  clearTimeout(timer);
  socket?.terminate?.();
}

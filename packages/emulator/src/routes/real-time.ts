import { type IncomingMessage, STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { WebSocketServer } from "ws";
import { checkAuthorization, checkTokenValue } from "../auth.js";
import { EMULATOR_ERRORS, errorBody } from "../errors.js";
import type { PendingFault } from "../faults.js";
import { describeQuery, type LoggedRequest } from "../request-log.js";
import type { EmulatorState } from "../state.js";
import { isHookPath } from "../traffic.js";

/** the path of the real-time WebSocket */
export const REAL_TIME_PATH = "/api/v1/data/real_time";

/** the node server's upgrade requests, answered with the real-time WebSocket or a refusal */
export interface RealTimeUpgrades {
  /** handles one 'upgrade' event of the node server */
  handle(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** ends every connection, open or still being answered */
  close(): void;
}

/** answers a plain HTTP response on a socket that asked for an upgrade, then closes it */
function answer(socket: Duplex, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (socket.destroyed) return;
  const text = body === undefined ? "" : JSON.stringify(body);
  const lines = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}`, "Connection: close"];
  for (const [name, value] of Object.entries({ ...headers, "Content-Length": String(Buffer.byteLength(text)) })) {
    lines.push(`${name}: ${value}`);
  }
  if (text) lines.push("Content-Type: application/json");
  socket.once("finish", () => socket.destroy());
  socket.end(`${lines.join("\r\n")}\r\n\r\n${text}`);
}

/** creates the handler of upgrade requests; only GET /api/v1/data/real_time is accepted */
export function realTimeUpgrades(state: EmulatorState): RealTimeUpgrades {
  const server = new WebSocketServer({ noServer: true, clientTracking: false });
  const pending = new Set<Duplex>();
  // a handshake ws cannot complete (no key, wrong version): answer it like any other bad request
  server.on("wsClientError", (_error, socket) => {
    const entry = (socket as Duplex & { logEntry?: LoggedRequest }).logEntry;
    if (entry) entry.status = 400;
    const { code, message } = EMULATOR_ERRORS.invalidWebSocketHandshake;
    answer(socket, 400, errorBody(state.config, code, message));
  });

  async function handle(request: IncomingMessage, socket: Duplex & { logEntry?: LoggedRequest }, head: Buffer) {
    // the node server stops listening for socket errors once it hands the socket over
    socket.on("error", () => socket.destroy());
    const url = new URL(request.url ?? "/", "http://emulator");
    const method = request.method ?? "GET";
    if (isHookPath(url.pathname)) {
      answer(socket, 404, { error: "invalid_hook_request", message: "test hooks do not upgrade to WebSocket" });
      return;
    }
    const query = describeQuery(url.searchParams);
    const entry = state.log.add({ method, path: url.pathname, status: null, ...(query ? { query } : {}) });
    socket.logEntry = entry;
    const refuse = (status: number, body: unknown, headers?: Record<string, string>) => {
      entry.status = status;
      answer(socket, status, body, headers);
    };

    if (url.pathname !== REAL_TIME_PATH) {
      const { code, message } = EMULATOR_ERRORS.routeNotFound;
      return refuse(404, errorBody(state.config, code, message));
    }
    if (method !== "GET") {
      const { code, message } = EMULATOR_ERRORS.methodNotAllowed;
      return refuse(405, errorBody(state.config, code, message), { Allow: "GET" });
    }
    const fault = state.faults.take(method, url.pathname);
    if (fault && (await applyFault(fault, socket, refuse))) return;
    if (socket.destroyed) return;

    const accessToken = url.searchParams.get("access_token");
    const scope = "data:heart_rate:read";
    const checked = accessToken
      ? checkTokenValue(state, accessToken, scope)
      : checkAuthorization(state, request.headers.authorization, scope);
    if ("refusal" in checked) {
      return refuse(checked.refusal.status, errorBody(state.config, checked.refusal.code));
    }
    const plainText = url.searchParams.get("response_mode") === "text_plain_only_heart_rate";
    server.handleUpgrade(request, socket, head, (webSocket) => {
      entry.status = 101;
      state.realTime.add(webSocket, checked.token.token, plainText);
    });
  }

  /** acts out a fault; true when it answered (or left unanswered) the request */
  async function applyFault(
    fault: PendingFault,
    socket: Duplex,
    refuse: (status: number, body: unknown, headers?: Record<string, string>) => void,
  ): Promise<boolean> {
    if (fault.delayMs) {
      pending.add(socket);
      await sleep(fault.delayMs);
      pending.delete(socket);
    }
    if (fault.hang) {
      pending.add(socket);
      socket.once("close", () => pending.delete(socket));
      return true;
    }
    if (fault.resetAfterStore) {
      socket.destroy();
      return true;
    }
    const headers: Record<string, string> = fault.retryAfter === undefined ? {} : { "Retry-After": fault.retryAfter };
    if (fault.status !== undefined) {
      refuse(
        fault.status,
        fault.errorCode === undefined ? undefined : errorBody(state.config, fault.errorCode),
        headers,
      );
      return true;
    }
    if (fault.malformed) {
      refuse(200, { unexpected: true, note: "malformed answer injected by a fault" }, headers);
      return true;
    }
    return false;
  }

  return {
    handle(request, socket, head) {
      handle(request, socket, head).catch((error: Error) => {
        process.stderr.write(`pulsekit-emulator: upgrade of ${request.url} failed: ${error.message}\n`);
        socket.destroy();
      });
    },
    close() {
      state.realTime.drop();
      for (const socket of pending) socket.destroy();
      pending.clear();
      server.close();
    },
  };
}

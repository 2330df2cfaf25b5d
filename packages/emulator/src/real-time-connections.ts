import { WebSocket } from "ws";
import type { HeartRateReading } from "./state.js";

/** the close code and reason an open connection gets when its token is revoked */
export const TOKEN_REVOKED_CLOSE = { code: 4001, reason: "token_revoked" } as const;

/** the open real-time connections, each with the token it was opened with */
export interface RealTimeConnections {
  /** keeps a connection until it closes; `plainText` sends bare numbers instead of JSON */
  add(socket: WebSocket, token: string, plainText: boolean): void;
  /** sends a reading to every open connection; returns how many it reached */
  send(reading: HeartRateReading): number;
  /** closes the connections of a token with TOKEN_REVOKED_CLOSE; returns how many */
  closeToken(token: string): number;
  /** ends every connection at once, without a close frame; returns how many */
  drop(): number;
  /** how many connections are open */
  size(): number;
}

interface Connection {
  socket: WebSocket;
  token: string;
  plainText: boolean;
}

/** the message a reading becomes: the shape of the latest reading, or the bare number */
export function readingMessage(reading: HeartRateReading, plainText: boolean): string {
  if (plainText) return String(reading.heartRate);
  return JSON.stringify({ measured_at: reading.measuredAt, data: { heart_rate: reading.heartRate } });
}

/** creates an empty set of real-time connections */
export function createRealTimeConnections(): RealTimeConnections {
  const connections = new Set<Connection>();
  const open = () => [...connections].filter((c) => c.socket.readyState === WebSocket.OPEN);
  return {
    add(socket, token, plainText) {
      const connection = { socket, token, plainText };
      connections.add(connection);
      socket.once("close", () => connections.delete(connection));
      // a client that goes away mid-frame must not take the emulator down
      socket.on("error", () => socket.terminate());
    },
    send(reading) {
      const targets = open();
      for (const { socket, plainText } of targets) socket.send(readingMessage(reading, plainText));
      return targets.length;
    },
    closeToken(token) {
      const targets = open().filter((c) => c.token === token);
      for (const { socket } of targets) socket.close(TOKEN_REVOKED_CLOSE.code, TOKEN_REVOKED_CLOSE.reason);
      return targets.length;
    },
    drop() {
      const all = [...connections];
      connections.clear();
      for (const { socket } of all) socket.terminate();
      return all.length;
    },
    size: () => open().length,
  };
}

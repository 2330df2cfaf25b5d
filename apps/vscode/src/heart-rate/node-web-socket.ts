import type { OpenWebSocket, WebSocketLike } from "@pulsekit/core";
import WebSocket from "ws";

// a close handshake the other side never answers (a dead network) must not keep the socket around
const CLOSE_GRACE_MS = 1000;

/**
 * opens Pulsoid's live stream with `ws`, which (unlike the extension host's built-in WebSocket) sends request
 * headers: the token goes in the Authorization header, never in the URL
 */
export const openNodeWebSocket: OpenWebSocket = (url, headers) => {
  const socket = new WebSocket(url, { headers });
  // core stops listening before it closes; an error after that (a handshake cut short) is expected
  socket.on("error", () => {});
  const close = socket.close.bind(socket);
  return Object.assign(socket, {
    close(code?: number, reason?: string) {
      close(code, reason);
      setTimeout(() => socket.terminate(), CLOSE_GRACE_MS).unref();
    },
  }) as unknown as WebSocketLike;
};

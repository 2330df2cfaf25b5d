import type { OpenWebSocket, WebSocketLike } from "@pulsekit/core";
import WebSocket from "ws";

/**
 * opens the real-time stream with the ws package, the token in the Authorization header (never in the URL,
 * which could end up in a log). ws's handlers take its own event types where core's take unknown, hence the cast
 */
export const openNodeWebSocket: OpenWebSocket = (url, headers) =>
  new WebSocket(url, { headers }) as unknown as WebSocketLike;

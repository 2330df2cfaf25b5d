import { once } from "node:events";
import WebSocket from "ws";
import type { Emulator } from "../src/index.js";

/** a real-time connection as a client sees it: the messages so far and how it closed */
export interface RealTimeClient {
  socket: WebSocket;
  messages: string[];
  /** resolves with the nth message (1-based), waiting for it when needed */
  message(n: number): Promise<string>;
  /** resolves once the connection is closed, with the close code and reason */
  closed: Promise<{ code: number; reason: string }>;
}

/** the URL of the real-time endpoint, with the given query */
export function realTimeUrl(emulator: Emulator, query: Record<string, string> = {}): string {
  const url = new URL("/api/v1/data/real_time", emulator.url.replace(/^http/, "ws"));
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.toString();
}

/** opens a real-time connection and resolves once it is open */
export async function connect(
  emulator: Emulator,
  query: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<RealTimeClient> {
  const socket = new WebSocket(realTimeUrl(emulator, query), { headers });
  const messages: string[] = [];
  const waiting: (() => void)[] = [];
  socket.on("message", (data) => {
    messages.push(data.toString());
    for (const wake of waiting.splice(0)) wake();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  socket.on("error", () => {});
  await once(socket, "open");
  return {
    socket,
    messages,
    closed,
    async message(n) {
      while (messages.length < n) await new Promise<void>((wake) => waiting.push(wake));
      return messages[n - 1] as string;
    },
  };
}

/** tries to open a real-time connection that should be refused; resolves with the HTTP answer */
export async function refusal(
  emulator: Emulator,
  query: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  const socket = new WebSocket(realTimeUrl(emulator, query), { headers });
  socket.on("error", () => {});
  const [, response] = await Promise.race([
    once(socket, "unexpected-response"),
    once(socket, "open").then(() => {
      socket.terminate();
      throw new Error("the connection was accepted");
    }),
  ]);
  let text = "";
  for await (const chunk of response) text += chunk;
  return { status: response.statusCode, body: text ? JSON.parse(text) : undefined };
}

/** waits a little, for checks that nothing more arrives */
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

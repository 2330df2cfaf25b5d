import { once } from "node:events";
import WebSocket from "ws";
import type { Message } from "./stream-deck-host.js";

/** a bare property inspector on the app's socket, as the inspector page would connect */
export class InspectorClient {
  readonly received: Message[] = [];
  readonly #socket: WebSocket;
  readonly context: string;

  private constructor(socket: WebSocket, context: string) {
    this.#socket = socket;
    this.context = context;
    socket.on("message", (data) => this.received.push(JSON.parse(String(data)) as Message));
  }

  /** connects and registers for the key `context` */
  static async connect(port: number, context: string): Promise<InspectorClient> {
    const socket = new WebSocket(`ws://127.0.0.1:${port}`);
    await once(socket, "open");
    const client = new InspectorClient(socket, context);
    client.send({ event: "registerPropertyInspector", uuid: context });
    return client;
  }

  send(message: Message): void {
    this.#socket.send(JSON.stringify(message));
  }

  /** messages the plugin sent to this inspector */
  fromPlugin(): Message[] {
    return this.received.filter((m) => m.event === "sendToPropertyInspector").map((m) => m.payload);
  }

  close(): void {
    this.#socket.close();
  }
}

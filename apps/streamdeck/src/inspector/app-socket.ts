// what every property inspector page does to talk to the Stream Deck app: the entry point the app calls, the
// socket, and the three kinds of message a page sends (register, ask the plugin, store the key's settings)
import * as z from "zod";
import { type PluginMessage, parsePluginMessage } from "../inspector-messages.js";

/** the parts read here of an event from the app, or of the action info handed over at start-up */
const appEventSchema = z.object({
  event: z.string().optional().catch(undefined),
  action: z.string().optional().catch(undefined),
  payload: z.unknown(),
});

/** a payload that carries a key's settings; each page checks the settings themselves */
const settingsPayloadSchema = z.object({ settings: z.unknown() });
const settingsIn = (payload: unknown): unknown => settingsPayloadSchema.safeParse(payload).data?.settings;

/** what a page does with what the app tells it */
export interface InspectorPage {
  /** the key's settings: at start-up (from the action info) and whenever the app sends them */
  settings(settings: unknown): void;
  /** the socket is open and the page is registered */
  connected(): void;
  /** a message from the plugin */
  pluginMessage(message: PluginMessage): void;
}

/** how a page talks back */
export interface InspectorSocket<Request> {
  /** asks the plugin (sendToPlugin) */
  ask(request: Request): void;
  /** stores the key's settings */
  saveSettings(settings: unknown): void;
  /** any other event, e.g. openUrl */
  send(message: Record<string, unknown>): void;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** registers `connectElgatoStreamDeckSocket`, the entry point the Stream Deck app calls once the page loaded */
export function connectInspector<Request>(page: InspectorPage): InspectorSocket<Request> {
  let socket: WebSocket | undefined;
  let uuid = "";
  let actionUuid = "";
  const send = (message: Record<string, unknown>) => socket?.send(JSON.stringify(message));

  const onMessage = (data: string) => {
    const message = appEventSchema.safeParse(safeJson(data));
    if (!message.success) return;
    if (message.data.event === "didReceiveSettings") page.settings(settingsIn(message.data.payload));
    if (message.data.event === "sendToPropertyInspector") {
      const pluginMessage = parsePluginMessage(message.data.payload);
      if (pluginMessage) page.pluginMessage(pluginMessage);
    }
  };

  function connectElgatoStreamDeckSocket(
    port: string | number,
    inspectorUuid: string,
    registerEvent: string,
    _info: string,
    actionInfo: string,
  ): void {
    uuid = inspectorUuid;
    const action = appEventSchema.safeParse(safeJson(actionInfo)).data;
    actionUuid = action?.action ?? "";
    page.settings(settingsIn(action?.payload));
    socket = new WebSocket(`ws://127.0.0.1:${port}`);
    socket.addEventListener("open", () => {
      send({ event: registerEvent, uuid });
      page.connected();
    });
    socket.addEventListener("message", (ev) => onMessage(String(ev.data)));
  }
  Object.assign(window, { connectElgatoStreamDeckSocket });

  return {
    ask: (request) => send({ event: "sendToPlugin", action: actionUuid, context: uuid, payload: request }),
    saveSettings: (settings) => send({ event: "setSettings", context: uuid, payload: settings }),
    send,
  };
}

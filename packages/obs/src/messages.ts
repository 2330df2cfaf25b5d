// the sentences a streamer reads; each says what happened and what to do next, and none takes a password

const SERVER_SETTINGS = "Tools > WebSocket Server Settings";
const CONNECT_INFO = `${SERVER_SETTINGS} > Show Connect Info`;
const NEEDS_OBS_28 = "Adding to OBS needs OBS 28 or newer, which has obs-websocket 5 built in";

/** the widget an add was placing, for the by-hand fallback */
export interface WidgetRef {
  name: string;
  url: string;
}

function byHand(widget: WidgetRef | undefined): string {
  if (!widget) return "";
  return ` The widget "${widget.name}" itself was created and works: to place it by hand, add a Browser source in OBS with the URL ${widget.url}.`;
}

function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}

export const messages = {
  unreachable: (address: string) =>
    `Could not reach OBS at ${address}. Start OBS and turn on ${SERVER_SETTINGS} (Enable WebSocket server); if Show Connect Info there shows another address, use that one.`,
  notWebSocketAddress: (address: string) =>
    `"${address}" is not an OBS WebSocket address. Use the one ${CONNECT_INFO} shows, such as ws://127.0.0.1:4455.`,
  wrongPassword: (address: string, passwordSource: string) =>
    `OBS at ${address} refused the password. Copy the server password from OBS (${CONNECT_INFO}) into ${passwordSource}, then try again.`,
  passwordNeeded: (address: string, passwordSource: string) =>
    `OBS at ${address} asks for a password and none was given. Copy the server password from OBS (${CONNECT_INFO}) into ${passwordSource}, then try again.`,
  unknownScene: (scene: string, scenes: string[]) =>
    scenes.length === 0
      ? `OBS has no scene named "${scene}", and no scenes at all. Add a scene in OBS, then try again.`
      : `OBS has no scene named "${scene}". Scenes in OBS: ${scenes.map((s) => `"${s}"`).join(", ")}. Pick one of those, or name none to use the current program scene.`,
  protocol4: (address: string) =>
    `OBS at ${address} speaks the old WebSocket protocol of obs-websocket 4. ${NEEDS_OBS_28}: update OBS, then turn on ${SERVER_SETTINGS} (Enable WebSocket server).`,
  rpcVersion: (address: string) =>
    `OBS at ${address} does not speak the WebSocket protocol version PulseKit uses (obs-websocket 5, RPC version 1). ${NEEDS_OBS_28}: update OBS, then try again.`,
  missingRequest: (address: string, requestType: string) =>
    `OBS at ${address} does not know the request ${requestType}. ${NEEDS_OBS_28}: update OBS, then try again.`,
  disconnected: (address: string, widget: WidgetRef | undefined) =>
    `OBS at ${address} closed the connection before it answered.${byHand(widget)} Check that OBS is still running, then try again.`,
  timeout: (address: string, deadlineMs: number, widget: WidgetRef | undefined) =>
    `OBS at ${address} did not answer within ${duration(deadlineMs)}.${byHand(widget)} Check that OBS is running and not waiting on a dialog, then try again.`,
  nameTaken: (name: string, kind: string, widget: WidgetRef) =>
    `OBS already has a source named "${name}" that is not a browser source (${kind}).${byHand(widget)} Or rename that source in OBS and try again.`,
  sceneNameTaken: (name: string, widget: WidgetRef) =>
    `OBS already has a scene named "${name}", and a source cannot share a scene's name.${byHand(widget)} Or rename the scene or the widget and try again.`,
  nameInUse: (name: string, widget: WidgetRef) =>
    `OBS already has a source or scene named "${name}".${byHand(widget)} Or rename that one in OBS and try again.`,
  requestFailed: (requestType: string, code: number, comment: string | undefined, widget: WidgetRef | undefined) =>
    `OBS refused ${requestType} (code ${code}${comment ? `: ${comment}` : ""}).${byHand(widget)} Try again; if it keeps failing, restart OBS.`,
  unexpectedAnswer: (requestType: string, widget: WidgetRef | undefined) =>
    `OBS answered ${requestType} in a way PulseKit does not understand.${byHand(widget)} Update OBS and PulseKit, then try again.`,
};

import type { AddWidgetToObsResult, ObsError } from "@pulsekit/obs";

/** where the streamer gives PulseKit the OBS password, as ObsError's sentences name it */
export const OBS_PASSWORD_SOURCE = "the password box that Enter Password opens";

/** the setting with OBS's WebSocket address */
export const OBS_URL_SETTING = "pulsekit.obs.url";

/** a button offered next to an OBS error */
export type ObsErrorAction = "Retry" | "Open Settings" | "Enter Password" | "Choose Scene…" | "Copy OBS URL";

/** the sentence after a widget was placed: which source, in which scene */
export function obsSuccessMessage(result: AddWidgetToObsResult): string {
  return result.action === "created"
    ? `Added "${result.inputName}" to the OBS scene "${result.scene}".`
    : `Updated the OBS source "${result.inputName}" in the scene "${result.scene}" to this widget's URL.`;
}

/**
 * an OBS error's sentence as the user reads it: @pulsekit/obs's own, which says what to do; after a create,
 * a sentence saying the widget exists all the same when the error does not say so already
 */
export function obsErrorMessage(error: ObsError, widget: { name: string; url: string }, afterCreate: boolean): string {
  if (!afterCreate || error.message.includes(widget.url)) return error.message;
  return `${error.message} The widget "${widget.name}" was created all the same: Copy OBS URL gives its URL to add by hand.`;
}

/** the buttons that help with an OBS error, most useful first */
export function obsErrorActions(
  error: ObsError,
  context: { afterCreate: boolean; addressLooksWrong: boolean },
): ObsErrorAction[] {
  const actions: ObsErrorAction[] = [];
  switch (error.kind) {
    case "unreachable":
      actions.push("Retry", "Open Settings");
      break;
    case "auth_failed":
      actions.push("Enter Password");
      break;
    case "unknown_scene":
      actions.push("Choose Scene…");
      break;
    case "too_old":
      actions.push("Retry");
      break;
    default:
      actions.push("Retry");
      if (context.addressLooksWrong) actions.push("Open Settings");
  }
  if (context.afterCreate) actions.push("Copy OBS URL");
  return actions;
}

/** false for an address OBS's WebSocket server cannot have (not ws:// or wss://) */
export function isWebSocketAddress(url: string): boolean {
  return /^wss?:\/\/[^\s/]+/i.test(url.trim());
}

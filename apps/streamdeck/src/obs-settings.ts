import { DEFAULT_OBS_URL } from "@pulsekit/obs";
import type { GlobalSettings } from "./global-settings.js";
import type { PluginMessage } from "./inspector-messages.js";

/** where the streamer gives the plugin OBS's password, as OBS's wrong-password message names it */
export const OBS_PASSWORD_SOURCE = "the Password field under OBS in a Create Widget key's settings";

/** how long one OBS call (connect, identify and every request) may take from a key or the settings page */
export const OBS_DEADLINE_MS = 5000;

/** what a call to OBS needs, from the global settings; the password only when one is saved */
export type ObsConnection = { url: string; password?: string; passwordSource: string; deadlineMs: number };

/** the OBS address and password the global settings hold, ready for @pulsekit/obs */
export function obsConnection(settings: GlobalSettings): ObsConnection {
  return {
    url: settings.obsUrl?.trim() || DEFAULT_OBS_URL,
    ...(settings.obsPassword ? { password: settings.obsPassword } : {}),
    passwordSource: OBS_PASSWORD_SOURCE,
    deadlineMs: OBS_DEADLINE_MS,
  };
}

/** what the settings page may know about the OBS settings: the address, and only whether a password is saved */
export function obsSetupMessage(settings: GlobalSettings): Extract<PluginMessage, { type: "obsSetup" }> {
  return {
    type: "obsSetup",
    url: withoutCredentials(settings.obsUrl?.trim() ?? ""),
    defaultUrl: DEFAULT_OBS_URL,
    passwordSaved: Boolean(settings.obsPassword),
  };
}

/** an OBS address as typed: empty means OBS's default; anything else must be ws:// or wss:// with no password in it */
export function checkObsUrl(input: string): { ok: true; value: string } | { ok: false; error: string } {
  const url = input.trim();
  if (url === "") return { ok: true, value: "" };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, error: `Not an address. Use the one OBS shows, such as ${DEFAULT_OBS_URL}.` };
  }
  if (parsed.protocol !== "ws:" && parsed.protocol !== "wss:") {
    return { ok: false, error: `OBS's address starts with ws://, such as ${DEFAULT_OBS_URL}.` };
  }
  // the address is shown and kept in plain sight: the password has its own field
  if (parsed.username || parsed.password) {
    return { ok: false, error: "Leave the password out of the address: type it into Password below." };
  }
  return { ok: true, value: url };
}

/** an address with any user name and password taken out (another writer of the settings may have put one in) */
function withoutCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, "$1");
}

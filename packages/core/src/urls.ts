import { invalidInput } from "./errors.js";

/** Pulsoid's REST API host */
export const DEFAULT_API_URL = "https://dev.pulsoid.net";
/** Pulsoid's OAuth host (authorize, token, device authorization) */
export const DEFAULT_OAUTH_URL = "https://pulsoid.net";
/** where users create manual access tokens */
export const TOKEN_SETTINGS_URL = "https://pulsoid.net/ui/keys";
/** where an app is registered to get the OAuth client id device sign-in needs */
export const CLIENT_REGISTRATION_URL = "https://pulsoid.net/ui/api-clients";

const WIDGET_VIEW_BASE = "https://pulsoid.net/widget/view/";

/** the widget's page for an OBS browser source */
export function widgetViewUrl(id: string): string {
  return `${WIDGET_VIEW_BASE}${encodeURIComponent(id)}`;
}

/**
 * a sentence to show next to widget URLs made somewhere other than Pulsoid (an emulator, a test server):
 * pulsoid.net does not know those widgets, so their URLs show nothing in OBS. Undefined for Pulsoid.
 * `count` words it for one widget (default) or a list
 */
export function widgetUrlCaveat(apiBaseUrl: string, count = 1): string | undefined {
  const host = normalizeBaseUrl(apiBaseUrl);
  if (host === DEFAULT_API_URL) return undefined;
  return count === 1
    ? `This widget was made on ${host}, not on Pulsoid, so its pulsoid.net address shows nothing in OBS; widgets made with your Pulsoid account do.`
    : `These widgets were made on ${host}, not on Pulsoid, so their pulsoid.net addresses show nothing in OBS; widgets made with your Pulsoid account do.`;
}

/** a base URL without trailing slashes, so paths join cleanly */
export function normalizeBaseUrl(url: string): string {
  return url.replace(/\/+$/, "");
}

const isLoopback = (hostname: string) =>
  hostname === "localhost" || hostname === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);

/**
 * a base URL a token may be sent to: https://, or plain http:// only to this machine (127.0.0.0/8, ::1,
 * localhost), where nobody on the network can read it; anything else is refused as invalid input
 */
export function secureBaseUrl(url: string, field: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalidInput(field, `is not a web address (${JSON.stringify(url)}): use one like ${DEFAULT_API_URL}.`);
  }
  const local = parsed.protocol === "http:" && isLoopback(parsed.hostname);
  if (parsed.protocol !== "https:" && !local) {
    throw invalidInput(
      field,
      `is ${parsed.protocol}//${parsed.host}: PulseKit sends your Pulsoid token only over https://, or over http:// to this machine (127.0.0.1, ::1, localhost). Use an https:// address.`,
    );
  }
  return normalizeBaseUrl(url);
}

/** Pulsoid's REST API host */
export const DEFAULT_API_URL = "https://dev.pulsoid.net";
/** Pulsoid's OAuth host (authorize, token, device authorization) */
export const DEFAULT_OAUTH_URL = "https://pulsoid.net";
/** where users create manual access tokens */
export const TOKEN_SETTINGS_URL = "https://pulsoid.net/ui/keys";

const WIDGET_VIEW_BASE = "https://pulsoid.net/widget/view/";

/** the widget's page for an OBS browser source */
export function widgetViewUrl(id: string): string {
  return `${WIDGET_VIEW_BASE}${encodeURIComponent(id)}`;
}

/** a base URL without trailing slashes, so paths join cleanly */
export function normalizeBaseUrl(url: string): string {
  return url.replace(/\/+$/, "");
}

import { endpointsFromEnv, resolveEndpoints } from "@pulsekit/core";
import type { GlobalSettings } from "./global-settings.js";

/** where the OAuth client id came from: the settings page's Client ID field, PULSOID_CLIENT_ID, or nowhere */
export type ClientIdSource = "settings" | "environment" | "none";

/** where the plugin talks to Pulsoid, and as which OAuth client (none: device sign-in is unavailable) */
export type Endpoints = {
  apiBaseUrl: string;
  oauthBaseUrl: string;
  clientId?: string;
  clientIdSource: ClientIdSource;
};

/** global settings first, then PULSOID_API_URL / PULSOID_OAUTH_URL / PULSOID_CLIENT_ID, then Pulsoid's defaults */
export function pluginEndpoints(settings: GlobalSettings, env: Record<string, string | undefined>): Endpoints {
  const fromSettings = {
    apiBaseUrl: settings.apiBaseUrl,
    oauthBaseUrl: settings.oauthBaseUrl,
    clientId: settings.oauthClientId,
  };
  const resolved = resolveEndpoints(fromSettings, endpointsFromEnv(env));
  const clientIdSource: ClientIdSource =
    resolved.clientId === undefined
      ? "none"
      : resolveEndpoints(fromSettings).clientId === undefined
        ? "environment"
        : "settings";
  return { ...resolved, clientIdSource };
}

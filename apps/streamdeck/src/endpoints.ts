import { endpointsFromEnv, resolveEndpoints } from "@pulsekit/core";
import type { GlobalSettings } from "./global-settings.js";

/** the OAuth client id used when neither global settings nor the environment name one; replace with a registered id */
export const PLACEHOLDER_CLIENT_ID = "pulsekit-streamdeck";

/** where the plugin talks to Pulsoid and as which OAuth client */
export type Endpoints = { apiBaseUrl: string; oauthBaseUrl: string; clientId: string };

/** global settings first, then PULSOID_API_URL / PULSOID_OAUTH_URL / PULSOID_CLIENT_ID, then Pulsoid's defaults */
export function pluginEndpoints(settings: GlobalSettings, env: Record<string, string | undefined>): Endpoints {
  const fromSettings = {
    apiBaseUrl: settings.apiBaseUrl,
    oauthBaseUrl: settings.oauthBaseUrl,
    clientId: settings.oauthClientId,
  };
  const { clientId, ...hosts } = resolveEndpoints(fromSettings, endpointsFromEnv(env));
  return { ...hosts, clientId: clientId ?? PLACEHOLDER_CLIENT_ID };
}

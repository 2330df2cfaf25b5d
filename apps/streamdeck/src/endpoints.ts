import { DEFAULT_API_URL, DEFAULT_OAUTH_URL } from "@pulsekit/core";
import type { JsonValue } from "./json.js";

/** the OAuth client id used when neither global settings nor the environment name one; replace with a registered id */
export const PLACEHOLDER_CLIENT_ID = "pulsekit-streamdeck";

/** the plugin-wide settings the app keeps privately; the only place the token lives */
export type GlobalSettings = {
  token?: string;
  apiBaseUrl?: string;
  oauthBaseUrl?: string;
  oauthClientId?: string;
  [key: string]: JsonValue;
};

/** where the plugin talks to Pulsoid and as which OAuth client */
export type Endpoints = { apiBaseUrl: string; oauthBaseUrl: string; clientId: string };

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;

// to move into @pulsekit/core: every app resolves hosts and client id with the same precedence
/** global settings first, then PULSOID_API_URL / PULSOID_OAUTH_URL / PULSOID_CLIENT_ID, then Pulsoid's defaults */
export function resolveEndpoints(settings: GlobalSettings, env: Record<string, string | undefined>): Endpoints {
  return {
    apiBaseUrl: text(settings.apiBaseUrl) ?? text(env.PULSOID_API_URL) ?? DEFAULT_API_URL,
    oauthBaseUrl: text(settings.oauthBaseUrl) ?? text(env.PULSOID_OAUTH_URL) ?? DEFAULT_OAUTH_URL,
    clientId: text(settings.oauthClientId) ?? text(env.PULSOID_CLIENT_ID) ?? PLACEHOLDER_CLIENT_ID,
  };
}

/** the stored token, if any */
export function tokenOf(settings: GlobalSettings): string | undefined {
  return text(settings.token);
}

import { DEFAULT_API_URL, DEFAULT_OAUTH_URL, normalizeBaseUrl } from "./urls.js";

/** one place an app may read hosts and the OAuth client id from: its settings, the environment */
export interface EndpointSource {
  apiBaseUrl?: unknown;
  oauthBaseUrl?: unknown;
  clientId?: unknown;
}

/** where an app talks to Pulsoid, and as which OAuth client (none when no source names one) */
export interface PulsoidEndpoints {
  apiBaseUrl: string;
  oauthBaseUrl: string;
  clientId?: string;
}

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;

/** the endpoints named by `PULSOID_API_URL`, `PULSOID_OAUTH_URL` and `PULSOID_CLIENT_ID` */
export function endpointsFromEnv(env: Record<string, string | undefined>): EndpointSource {
  return { apiBaseUrl: env.PULSOID_API_URL, oauthBaseUrl: env.PULSOID_OAUTH_URL, clientId: env.PULSOID_CLIENT_ID };
}

/** the first source that names each value wins, then Pulsoid's defaults; blank values count as unnamed */
export function resolveEndpoints(...sources: Array<EndpointSource | undefined>): PulsoidEndpoints {
  const first = (key: keyof EndpointSource) => sources.map((source) => text(source?.[key])).find(Boolean);
  const clientId = first("clientId");
  return {
    apiBaseUrl: normalizeBaseUrl(first("apiBaseUrl") ?? DEFAULT_API_URL),
    oauthBaseUrl: normalizeBaseUrl(first("oauthBaseUrl") ?? DEFAULT_OAUTH_URL),
    ...(clientId ? { clientId } : {}),
  };
}

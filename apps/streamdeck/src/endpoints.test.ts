import { DEFAULT_API_URL, DEFAULT_OAUTH_URL } from "@pulsekit/core";
import { describe, expect, it } from "vitest";
import { pluginEndpoints } from "./endpoints.js";

describe("pluginEndpoints", () => {
  const env = {
    PULSOID_API_URL: "http://api.env",
    PULSOID_OAUTH_URL: "http://oauth.env",
    PULSOID_CLIENT_ID: "env-client",
  };

  it("prefers the global settings", () => {
    expect(
      pluginEndpoints(
        { apiBaseUrl: "http://api.gs", oauthBaseUrl: "http://oauth.gs", oauthClientId: "gs-client" },
        env,
      ),
    ).toEqual({
      apiBaseUrl: "http://api.gs",
      oauthBaseUrl: "http://oauth.gs",
      clientId: "gs-client",
      clientIdSource: "settings",
    });
  });

  it("falls back to the environment, ignoring blank settings", () => {
    expect(pluginEndpoints({ apiBaseUrl: "  ", oauthClientId: "" }, env)).toEqual({
      apiBaseUrl: "http://api.env",
      oauthBaseUrl: "http://oauth.env",
      clientId: "env-client",
      clientIdSource: "environment",
    });
  });

  it("falls back to Pulsoid's defaults and names no client id when none is set", () => {
    expect(pluginEndpoints({}, {})).toEqual({
      apiBaseUrl: DEFAULT_API_URL,
      oauthBaseUrl: DEFAULT_OAUTH_URL,
      clientIdSource: "none",
    });
  });
});

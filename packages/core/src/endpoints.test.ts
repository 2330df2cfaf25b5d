import { describe, expect, it } from "vitest";
import { endpointsFromEnv, resolveEndpoints } from "./endpoints.js";
import { widgetUrlCaveat } from "./urls.js";

describe("resolveEndpoints", () => {
  it("falls back to Pulsoid's hosts and no client id", () => {
    expect(resolveEndpoints()).toEqual({ apiBaseUrl: "https://dev.pulsoid.net", oauthBaseUrl: "https://pulsoid.net" });
  });

  it("lets the first source that names a value win, skipping blanks", () => {
    const settings = { apiBaseUrl: "http://127.0.0.1:5000/", oauthBaseUrl: " ", clientId: "" };
    const env = endpointsFromEnv({ PULSOID_OAUTH_URL: "http://127.0.0.1:6000", PULSOID_CLIENT_ID: "env-client" });
    expect(resolveEndpoints(settings, env)).toEqual({
      apiBaseUrl: "http://127.0.0.1:5000",
      oauthBaseUrl: "http://127.0.0.1:6000",
      clientId: "env-client",
    });
  });

  it("ignores values that are not text", () => {
    expect(resolveEndpoints({ apiBaseUrl: 42 }).apiBaseUrl).toBe("https://dev.pulsoid.net");
  });
});

describe("widgetUrlCaveat", () => {
  it("warns only when the widget was not made on Pulsoid", () => {
    expect(widgetUrlCaveat("https://dev.pulsoid.net/")).toBeUndefined();
    expect(widgetUrlCaveat("http://127.0.0.1:5055")).toMatch(
      /^This widget was made on http:\/\/127\.0\.0\.1:5055, not on Pulsoid, so its pulsoid\.net address shows nothing in OBS/,
    );
    expect(widgetUrlCaveat("http://127.0.0.1:5055", 3)).toMatch(
      /^These widgets were made on .*their pulsoid\.net addresses show/,
    );
  });
});

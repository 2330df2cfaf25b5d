import { describe, expect, it } from "vitest";
import { parseGlobalSettings } from "./global-settings.js";

describe("parseGlobalSettings", () => {
  it("reads the token trimmed, and a blank or wrong-typed one as none", () => {
    expect(parseGlobalSettings({ token: " abc " })).toEqual({ token: "abc" });
    expect(parseGlobalSettings({ token: "" })).toEqual({});
    expect(parseGlobalSettings({ token: 42 })).toEqual({});
    expect(parseGlobalSettings({ token: { value: "abc" } })).toEqual({});
  });

  it("keeps keys it does not know, so writing the settings back loses nothing", () => {
    expect(parseGlobalSettings({ token: "t", obsUrl: "ws://127.0.0.1:4455", apiBaseUrl: "" })).toEqual({
      token: "t",
      obsUrl: "ws://127.0.0.1:4455",
      apiBaseUrl: "",
    });
  });

  it("drops hosts of the wrong type instead of sending the token somewhere odd", () => {
    expect(parseGlobalSettings({ token: "t", apiBaseUrl: ["http://x"], oauthClientId: 7 })).toEqual({ token: "t" });
  });

  it("treats anything but an object as no settings", () => {
    expect(parseGlobalSettings(null)).toEqual({});
    expect(parseGlobalSettings("token")).toEqual({});
    expect(parseGlobalSettings(["t"])).toEqual({});
  });
});

import { describe, expect, it } from "vitest";
import { parseInspectorRequest, parsePluginMessage } from "./inspector-messages.js";

describe("parseInspectorRequest", () => {
  it("accepts the inspector's requests and nothing else", () => {
    expect(parseInspectorRequest({ type: "signIn", extra: 1 })).toEqual({ type: "signIn" });
    expect(parseInspectorRequest({ type: "signOut" })).toEqual({ type: "signOut" });
    expect(parseInspectorRequest({ type: "deleteEverything" })).toBeUndefined();
    expect(parseInspectorRequest("signIn")).toBeUndefined();
    expect(parseInspectorRequest(null)).toBeUndefined();
  });

  it("takes a pasted token only as non-empty text", () => {
    expect(parseInspectorRequest({ type: "saveToken", token: " abc " })).toEqual({ type: "saveToken", token: "abc" });
    expect(parseInspectorRequest({ type: "saveToken", token: "  " })).toBeUndefined();
    expect(parseInspectorRequest({ type: "saveToken", token: 42 })).toBeUndefined();
    expect(parseInspectorRequest({ type: "saveToken" })).toBeUndefined();
  });

  it("takes a client id as trimmed text, empty meaning none", () => {
    expect(parseInspectorRequest({ type: "setClientId", clientId: " abc " })).toEqual({
      type: "setClientId",
      clientId: "abc",
    });
    expect(parseInspectorRequest({ type: "setClientId", clientId: "" })).toEqual({ type: "setClientId", clientId: "" });
    expect(parseInspectorRequest({ type: "setClientId", clientId: 7 })).toBeUndefined();
  });
});

describe("the OBS requests", () => {
  it("takes an address and, only when typed, a password", () => {
    expect(parseInspectorRequest({ type: "saveObs", url: " ws://127.0.0.1:4455 " })).toEqual({
      type: "saveObs",
      url: "ws://127.0.0.1:4455",
    });
    expect(parseInspectorRequest({ type: "saveObs", url: "", password: "pw 1" })).toEqual({
      type: "saveObs",
      url: "",
      password: "pw 1",
    });
    expect(parseInspectorRequest({ type: "saveObs", url: "", password: "" })).toBeUndefined();
    expect(parseInspectorRequest({ type: "saveObs", password: "x" })).toBeUndefined();
    expect(parseInspectorRequest({ type: "listObsScenes" })).toEqual({ type: "listObsScenes" });
  });

  it("has no message that could carry the password back to the page", () => {
    expect(
      parsePluginMessage({ type: "obsSetup", url: "", defaultUrl: "ws://127.0.0.1:4455", passwordSaved: true }),
    ).toBeDefined();
    expect(
      parsePluginMessage({ type: "obsSetup", url: "", defaultUrl: "", passwordSaved: true, password: "x" }),
    ).not.toHaveProperty("password");
  });
});

describe("parsePluginMessage", () => {
  it("accepts what the plugin tells the inspector and nothing else", () => {
    const failed = { type: "requestFailed", request: "saveToken", detail: "Not saved." };
    expect(parsePluginMessage(failed)).toEqual(failed);
    expect(parsePluginMessage({ type: "signIn", state: "awaiting_approval", userCode: "ABCD" })).toBeUndefined();
    expect(parsePluginMessage({ type: "requestFailed", request: "deleteEverything", detail: "x" })).toBeUndefined();
    expect(parsePluginMessage({ type: "pressResult", ok: "yes", detail: "x" })).toBeUndefined();
    expect(parsePluginMessage(null)).toBeUndefined();
    const setup = { type: "setup", apiBaseUrl: "https://dev.pulsoid.net", clientId: "", clientIdSource: "none" };
    expect(parsePluginMessage(setup)).toEqual(setup);
    expect(parsePluginMessage({ ...setup, clientIdSource: "somewhere" })).toBeUndefined();
  });
});

import { emulatorHooks } from "@pulsekit/emulator";
import { afterEach, describe, expect, it } from "vitest";
import { InspectorClient } from "../support/inspector-client.js";
import { ACTION_UUID } from "../support/stream-deck-host.js";
import { type Deck, readPluginLogs, startDeck, stopDeck } from "./setup.js";

let deck: Deck | undefined;
let inspector: InspectorClient | undefined;
afterEach(async () => {
  inspector?.close();
  inspector = undefined;
  await stopDeck(deck);
  deck = undefined;
});

/** waits until the plugin told the inspector something matching */
async function pluginSays(
  d: Deck,
  client: InspectorClient,
  match: (m: Record<string, unknown>) => boolean,
  what: string,
) {
  await d.host.waitUntil(() => client.fromPlugin().some(match), 10_000, what);
  return client.fromPlugin().find(match) as Record<string, unknown>;
}

describe("the property inspector and the plugin, through the app", () => {
  it("delivers settings the inspector changes to the plugin", async () => {
    deck = await startDeck({
      globalSettings: (emulator) => ({ token: emulator.seedToken({ scopes: ["widgets:read", "widgets:update"] }) }),
    });
    const { host, emulator } = deck;
    const key = host.addKey({ preset: "classic", name: "Before" });
    inspector = await InspectorClient.connect(host.port, key);
    inspector.send({ event: "setSettings", context: key, payload: { preset: "minimal", name: "From the inspector" } });
    await host.waitUntil(
      () => host.keys.get(key)?.settings.name === "From the inspector",
      5_000,
      "the stored settings",
    );
    host.press(key);
    await host.nextCommand("showOk", key);
    expect(emulator.widgets()).toEqual([
      expect.objectContaining({ name: "From the inspector", configuration: { heartEnabled: false } }),
    ]);
  });

  it("reports a press only to that key's inspector", async () => {
    deck = await startDeck({
      globalSettings: (emulator) => ({ token: emulator.seedToken({ scopes: ["widgets:read", "widgets:update"] }) }),
    });
    const { host } = deck;
    const shown = host.addKey({ name: "Shown" });
    const other = host.addKey({ name: "Other" });
    inspector = await InspectorClient.connect(host.port, shown);
    await pluginSays(deck, inspector, (m) => m.type === "status", "the status");
    host.press(other);
    await host.nextCommand("showOk", other);
    host.press(shown);
    const result = await pluginSays(deck, inspector, (m) => m.type === "pressResult", "the press result");
    expect(result.detail).toMatch(/^Created "Shown"/);
    expect(inspector.fromPlugin().filter((m) => m.type === "pressResult")).toHaveLength(1);
  });

  it("checks a token pasted in the inspector with Pulsoid, stores it itself and reports it as signed in", async () => {
    deck = await startDeck({ globalSettings: { apiBaseUrl: "" } });
    const { host, emulator } = deck;
    const key = host.addKey({ name: "Pasted" });
    inspector = await InspectorClient.connect(host.port, key);
    await pluginSays(deck, inspector, (m) => m.type === "status" && m.state === "signed_out", "signed-out status");
    const token = emulator.seedToken({ scopes: ["widgets:read", "widgets:update"] });
    inspector.send({ event: "sendToPlugin", action: ACTION_UUID, context: key, payload: { type: "saveToken", token } });
    await pluginSays(deck, inspector, (m) => m.type === "tokenSaved", "the token saved");
    const status = await pluginSays(
      deck,
      inspector,
      (m) => m.type === "status" && m.state === "signed_in",
      "signed in",
    );
    expect(status.headline).toBe("Signed in");
    expect(emulator.requests().map((r) => `${r.method} ${r.path}`)).toEqual(["GET /api/v1/token/validate"]);
    expect(host.commands("setGlobalSettings").map((m) => m.payload)).toEqual([{ apiBaseUrl: "", token }]);
    host.press(key);
    await host.nextCommand("showOk", key);
    expect(emulator.widgets().map((w) => w.name)).toEqual(["Pasted"]);
    expect(JSON.stringify(host.commands("sendToPropertyInspector"))).not.toContain(token);
    expect(readPluginLogs(deck.pluginDir)).not.toContain(token);
  });

  it("does not store a pasted token Pulsoid refuses, and says so next to the field", async () => {
    deck = await startDeck();
    const { host } = deck;
    const key = host.addKey({});
    inspector = await InspectorClient.connect(host.port, key);
    await pluginSays(deck, inspector, (m) => m.type === "status" && m.state === "signed_out", "signed-out status");
    inspector.send({
      event: "sendToPlugin",
      action: ACTION_UUID,
      context: key,
      payload: { type: "saveToken", token: "not-a-pulsoid-token" },
    });
    const failed = await pluginSays(deck, inspector, (m) => m.type === "requestFailed", "the refusal");
    expect(failed).toMatchObject({ request: "saveToken", detail: expect.stringMatching(/^Not saved/) });
    expect(host.commands("setGlobalSettings")).toEqual([]);
    expect(host.globalSettings.token).toBeUndefined();
  });

  it("names a missing scope in the status", async () => {
    deck = await startDeck({
      globalSettings: (emulator) => ({ token: emulator.seedToken({ scopes: ["widgets:read"] }) }),
    });
    const key = deck.host.addKey({});
    inspector = await InspectorClient.connect(deck.host.port, key);
    const status = await pluginSays(deck, inspector, (m) => m.type === "status" && m.state === "signed_in", "status");
    expect(status.headline).toBe("Signed in, missing widgets:update");
    expect(status.missingScopes).toEqual(["widgets:update"]);
  });

  it("reports a refused token as Token refused and keeps it", async () => {
    deck = await startDeck({ globalSettings: { token: "not-a-valid-token" } });
    const key = deck.host.addKey({});
    inspector = await InspectorClient.connect(deck.host.port, key);
    const status = await pluginSays(deck, inspector, (m) => m.type === "status" && m.state === "refused", "refused");
    expect(status.headline).toBe("Token refused");
    expect(deck.host.globalSettings.token).toBe("not-a-valid-token");
  });

  it("signs in with the device flow: shows the user code, opens the page, stores the token once approved", async () => {
    deck = await startDeck();
    const { host, emulator } = deck;
    emulator.configure({ deviceInterval: 0 });
    const key = host.addKey({ name: "After sign-in" });
    inspector = await InspectorClient.connect(host.port, key);
    inspector.send({
      event: "sendToPlugin",
      action: "dev.pulsekit.widgets.create",
      context: key,
      payload: { type: "signIn" },
    });
    const waiting = await pluginSays(
      deck,
      inspector,
      (m) => m.type === "signIn" && m.state === "awaiting_approval",
      "the user code",
    );
    const userCode = String(waiting.userCode);
    expect(userCode).not.toBe("");
    const opened = await host.nextCommand("openUrl");
    expect(decodeURIComponent(String(opened.payload.url))).toContain(userCode);

    // the hook fails when the emulator does not know the code
    await emulatorHooks(emulator.url).approveDevice(userCode);
    await host.waitUntil(() => typeof host.globalSettings.token === "string", 10_000, "the token to be stored");
    const status = await pluginSays(
      deck,
      inspector,
      (m) => m.type === "status" && m.state === "signed_in",
      "signed in",
    );
    expect(status.headline).toBe("Signed in");

    const token = String(host.globalSettings.token);
    host.press(key);
    await host.nextCommand("showOk", key);
    expect(emulator.widgets().map((w) => w.name)).toEqual(["After sign-in"]);
    expect(JSON.stringify(host.commands("setSettings"))).not.toContain(token);
    expect(JSON.stringify(host.commands("sendToPropertyInspector"))).not.toContain(token);
    expect(readPluginLogs(deck.pluginDir)).not.toContain(token);
  });

  it("says why when sign-in is denied on Pulsoid, and stores nothing", async () => {
    deck = await startDeck();
    deck.emulator.configure({ deviceInterval: 0 });
    const key = deck.host.addKey({});
    inspector = await InspectorClient.connect(deck.host.port, key);
    inspector.send({
      event: "sendToPlugin",
      action: "dev.pulsekit.widgets.create",
      context: key,
      payload: { type: "signIn" },
    });
    const waiting = await pluginSays(deck, inspector, (m) => m.state === "awaiting_approval", "the user code");
    await emulatorHooks(deck.emulator.url).denyDevice(String(waiting.userCode));
    const failed = await pluginSays(deck, inspector, (m) => m.type === "signIn" && m.state === "failed", "the failure");
    expect(String(failed.detail)).toMatch(/denied/i);
    expect(deck.host.commands("setGlobalSettings")).toHaveLength(0);
    expect(deck.host.globalSettings.token).toBeUndefined();
  });

  it("signs in with the OAuth host and client id from the global settings", async () => {
    deck = await startDeck({
      env: { PULSOID_OAUTH_URL: "http://127.0.0.1:9" },
      globalSettings: (emulator) => ({ oauthBaseUrl: emulator.url, oauthClientId: "client-from-settings" }),
    });
    const key = deck.host.addKey({});
    inspector = await InspectorClient.connect(deck.host.port, key);
    inspector.send({
      event: "sendToPlugin",
      action: "dev.pulsekit.widgets.create",
      context: key,
      payload: { type: "signIn" },
    });
    await pluginSays(deck, inspector, (m) => m.type === "signIn" && m.state === "awaiting_approval", "the user code");
    const authorization = deck.emulator.requests().find((r) => r.path === "/oauth2/device_authorization");
    expect(authorization?.body).toMatchObject({ client_id: "client-from-settings" });
    expect(String((authorization?.body as { scope?: string })?.scope).split(/[ ,]/)).toEqual(
      expect.arrayContaining(["widgets:read", "widgets:update"]),
    );
  });

  it("removes the token only on an explicit sign-out", async () => {
    deck = await startDeck({
      globalSettings: (emulator) => ({ token: emulator.seedToken({ scopes: ["widgets:update"] }), apiBaseUrl: "" }),
    });
    const { host } = deck;
    const key = host.addKey({});
    inspector = await InspectorClient.connect(host.port, key);
    await pluginSays(deck, inspector, (m) => m.type === "status" && m.state === "signed_in", "signed in");
    inspector.send({
      event: "sendToPlugin",
      action: "dev.pulsekit.widgets.create",
      context: key,
      payload: { type: "signOut" },
    });
    await pluginSays(deck, inspector, (m) => m.type === "status" && m.state === "signed_out", "signed out");
    expect(host.globalSettings).toEqual({ apiBaseUrl: "" });
    // revoked with Pulsoid, not only forgotten here
    expect(deck.emulator.requests().map((r) => `${r.method} ${r.path} ${r.status}`)).toContain(
      "POST /oauth2/revoke 200",
    );
    host.press(key);
    await host.nextCommand("showAlert", key);
    expect(host.titles(key).at(-1)).toBe("Sign in");
  });

  it("keeps a token another sign-in stored while the sign-out was revoking the old one", async () => {
    let old = "";
    deck = await startDeck({
      globalSettings: (emulator) => {
        old = emulator.seedToken({ scopes: ["widgets:read", "widgets:update"] });
        return { token: old };
      },
    });
    const { host, emulator } = deck;
    const key = host.addKey({ name: "With the new token" });
    inspector = await InspectorClient.connect(host.port, key);
    await pluginSays(deck, inspector, (m) => m.type === "status" && m.state === "signed_in", "signed in");
    // Pulsoid takes a while to answer the revoke
    emulator.addFault({ method: "POST", path: "/oauth2/revoke", delayMs: 1500 });
    inspector.send({ event: "sendToPlugin", action: ACTION_UUID, context: key, payload: { type: "signOut" } });
    await host.waitUntil(
      () => emulator.requests().some((r) => r.path === "/oauth2/revoke"),
      10_000,
      "the plugin to revoke the token",
    );
    // meanwhile a second window signed in: the app now holds another token
    const newer = emulator.seedToken({ scopes: ["widgets:read", "widgets:update"] });
    host.globalSettings = { token: newer };

    const status = await pluginSays(
      deck,
      inspector,
      (m) => m.type === "status" && String(m.detail).includes("new one was kept"),
      "the sign-out to finish",
    );
    expect(status.state).toBe("signed_in");
    expect(host.globalSettings).toEqual({ token: newer });
    expect(host.commands("setGlobalSettings")).toEqual([]);
    expect(emulator.requests().filter((r) => r.path === "/oauth2/revoke")).toHaveLength(1);
    // the old token was revoked all the same
    const oldCheck = await fetch(`${emulator.url}/api/v1/token/validate`, {
      headers: { authorization: `Bearer ${old}` },
    });
    expect(oldCheck.ok).toBe(false);
    host.press(key);
    await host.nextCommand("showOk", key);
    expect(emulator.widgets().map((w) => w.name)).toEqual(["With the new token"]);
    expect(JSON.stringify(host.commands("sendToPropertyInspector"))).not.toContain(newer);
  });
});

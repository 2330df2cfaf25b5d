import { createPulsoidClient, openWebSocketWith } from "@pulsekit/core";
import { type Emulator, startEmulator } from "@pulsekit/emulator";
import { type FakeObs, startFakeObs } from "@pulsekit/obs/fake";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { type Account, createAccount } from "./account.js";
import type { GlobalSettings } from "./global-settings.js";
import type { PluginMessage } from "./inspector-messages.js";
import { NotSignedInError } from "./not-signed-in-error.js";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => {
  emulator.reset();
});

/** the app as far as the account can tell: it holds the global settings, answers reads and stores writes */
function fakeApp(settings: Record<string, unknown> = {}) {
  const app = {
    held: structuredClone(settings),
    reads: 0,
    saves: [] as GlobalSettings[],
    messages: [] as PluginMessage[],
    lines: [] as string[],
    /** runs before each read is answered: another writer may change the settings there */
    beforeRead: (_read: number) => {},
  };
  const account: Account = createAccount({
    request: async () => {
      app.reads++;
      app.beforeRead(app.reads);
      return structuredClone(app.held);
    },
    save: async (next) => {
      app.saves.push(next);
      app.held = structuredClone(next);
    },
    timeoutMs: 1000,
    env: { PULSOID_API_URL: emulator.url, PULSOID_OAUTH_URL: emulator.url },
    notify: (message) => app.messages.push(message),
    inspectorOpen: () => true,
    openUrl: async () => {},
    log: (line) => app.lines.push(line),
    openWebSocket: openWebSocketWith(WebSocket),
  });
  return { app, account };
}

const statuses = (messages: PluginMessage[]) => messages.filter((m) => m.type === "status");
const widgetScopes = { scopes: ["widgets:read", "widgets:update"] };

/** whether Pulsoid still accepts the token */
async function works(token: string): Promise<boolean> {
  try {
    await createPulsoidClient({ token, baseUrl: emulator.url, retry: false }).validateToken();
    return true;
  } catch {
    return false;
  }
}

describe("the account's client", () => {
  it("is ready for the stored token, with the API host from the settings", async () => {
    const token = emulator.seedToken(widgetScopes);
    const { account } = fakeApp({ token, apiBaseUrl: emulator.url });
    expect(await (await account.client()).listWidgets()).toEqual([]);
    expect(await account.client()).toBe(await account.client());
  });

  it("logs each request as method, path, status and time", async () => {
    const token = emulator.seedToken(widgetScopes);
    const { app, account } = fakeApp({ token, apiBaseUrl: emulator.url });
    await (await account.client()).listWidgets();
    expect(app.lines).toEqual([expect.stringMatching(/^GET \/api\/v1\/widgets -> 200 in \d+ ms$/)]);
  });

  it("says Not signed in when no token is stored, or only one of the wrong type", async () => {
    await expect(fakeApp({}).account.client()).rejects.toBeInstanceOf(NotSignedInError);
    await expect(fakeApp({ token: 1234 }).account.client()).rejects.toBeInstanceOf(NotSignedInError);
  });
});

describe("a pasted token", () => {
  it("is stored once Pulsoid accepts it, and the inspector hears Signed in", async () => {
    const token = emulator.seedToken(widgetScopes);
    const { app, account } = fakeApp({ apiBaseUrl: emulator.url });
    await account.answer({ type: "saveToken", token });
    expect(app.held).toEqual({ apiBaseUrl: emulator.url, token });
    expect(app.messages).toContainEqual({ type: "tokenSaved" });
    expect(statuses(app.messages).at(-1)).toMatchObject({ state: "signed_in", headline: "Signed in" });
  });

  it("is not stored when Pulsoid refuses it, and the stored one stays", async () => {
    const stored = emulator.seedToken(widgetScopes);
    const { app, account } = fakeApp({ token: stored });
    await account.answer({ type: "saveToken", token: "refused-by-pulsoid" });
    expect(app.saves).toEqual([]);
    expect(app.held.token).toBe(stored);
    expect(app.messages).toContainEqual(
      expect.objectContaining({
        type: "requestFailed",
        request: "saveToken",
        detail: expect.stringMatching(/^Not saved/),
      }),
    );
    expect(statuses(app.messages).at(-1)).toMatchObject({ state: "signed_in" });
  });

  it("is not stored when Pulsoid cannot be asked", async () => {
    const token = emulator.seedToken(widgetScopes);
    emulator.addFault({ path: "/api/v1/token/validate", status: 503 });
    const { app, account } = fakeApp({});
    await account.answer({ type: "saveToken", token });
    expect(app.saves).toEqual([]);
    expect(app.messages).toContainEqual(expect.objectContaining({ type: "requestFailed", request: "saveToken" }));
  });
});

describe("sign-out", () => {
  it("revokes the token with Pulsoid, then deletes it and keeps the other settings", async () => {
    const token = emulator.seedToken(widgetScopes);
    const { app, account } = fakeApp({ token, apiBaseUrl: "" });
    await account.answer({ type: "signOut" });
    expect(emulator.requests().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(["POST /oauth2/revoke 200"]);
    expect(await works(token)).toBe(false);
    expect(app.held).toEqual({ apiBaseUrl: "" });
    expect(statuses(app.messages).at(-1)).toMatchObject({ state: "signed_out", headline: "Not signed in" });
  });

  it("keeps a token another sign-in stored while the revoke ran, and revokes only the old one", async () => {
    const old = emulator.seedToken(widgetScopes);
    const newer = emulator.seedToken(widgetScopes);
    const { app, account } = fakeApp({ token: old });
    // the first read is the one sign-out revokes; by the next one another window has signed in
    app.beforeRead = (read) => {
      if (read === 2) app.held = { token: newer };
    };
    await account.answer({ type: "signOut" });
    expect(app.held).toEqual({ token: newer });
    expect(app.saves).toEqual([]);
    expect(await works(old)).toBe(false);
    expect(await works(newer)).toBe(true);
    const status = statuses(app.messages).at(-1);
    expect(status).toMatchObject({ state: "signed_in" });
    expect(status?.detail).toMatch(/new one was kept/);
  });

  it("retries a revoke that hit a network blip", async () => {
    const token = emulator.seedToken(widgetScopes);
    // Pulsoid revokes, then the connection drops before the answer
    emulator.addFault({ path: "/oauth2/revoke", resetAfterStore: true });
    const { app, account } = fakeApp({ token });
    await account.answer({ type: "signOut" });
    expect(emulator.requests().map((r) => r.path)).toEqual(["/oauth2/revoke", "/oauth2/revoke"]);
    expect(app.held).toEqual({});
    expect(statuses(app.messages).at(-1)).toEqual(expect.objectContaining({ state: "signed_out" }));
    expect(statuses(app.messages).at(-1)?.detail).not.toMatch(/could not be confirmed/);
  });

  it("deletes the token when the revoke fails, and says the revocation could not be confirmed", async () => {
    const token = emulator.seedToken(widgetScopes);
    // Pulsoid is down through every retry
    emulator.addFault({ path: "/oauth2/revoke", status: 500, times: 10 });
    const { app, account } = fakeApp({ token });
    await account.answer({ type: "signOut" });
    expect(app.held).toEqual({});
    const status = statuses(app.messages).at(-1);
    expect(status).toMatchObject({ state: "signed_out" });
    expect(status?.detail).toMatch(/revoking the token could not be confirmed/);
    expect(status?.detail).toContain("https://pulsoid.net/ui/keys");
    expect(app.lines.some((line) => line.includes("revoking it failed"))).toBe(true);
  });

  it("keeps a token another sign-in stored meanwhile, even when the revoke failed", async () => {
    const old = emulator.seedToken(widgetScopes);
    const newer = emulator.seedToken(widgetScopes);
    emulator.addFault({ path: "/oauth2/revoke", status: 500, times: 10 });
    const { app, account } = fakeApp({ token: old });
    app.beforeRead = (read) => {
      if (read === 2) app.held = { token: newer };
    };
    await account.answer({ type: "signOut" });
    expect(app.held).toEqual({ token: newer });
    expect(app.saves).toEqual([]);
  });

  it("does nothing but say so when no token is stored", async () => {
    const { app, account } = fakeApp({ apiBaseUrl: "" });
    await account.answer({ type: "signOut" });
    expect(emulator.requests()).toEqual([]);
    expect(app.saves).toEqual([]);
    expect(statuses(app.messages)).toEqual([expect.objectContaining({ state: "signed_out" })]);
  });

  it("tells the inspector when the app does not hand over the settings", async () => {
    const messages: PluginMessage[] = [];
    const account = createAccount({
      request: () => new Promise(() => {}),
      save: async () => {},
      timeoutMs: 20,
      env: {},
      notify: (message) => messages.push(message),
      inspectorOpen: () => true,
      openUrl: async () => {},
      log: () => {},
      openWebSocket: openWebSocketWith(WebSocket),
    });
    await account.answer({ type: "signOut" });
    expect(messages).toEqual([
      expect.objectContaining({
        type: "requestFailed",
        request: "signOut",
        detail: expect.stringMatching(/^Stream Deck .* restart the Stream Deck app/),
      }),
    ]);
  });
});

describe("settings the app sends", () => {
  it("report the status again when the token changed", async () => {
    const token = emulator.seedToken(widgetScopes);
    const { app, account } = fakeApp({});
    account.received({});
    account.received({ token });
    await expect.poll(() => statuses(app.messages).at(-1)?.state).toBe("signed_in");
    const before = app.messages.length;
    account.received({ token });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(app.messages).toHaveLength(before);
  });
});

it("never puts the token into a message to the inspector or a log line", async () => {
  const token = emulator.seedToken(widgetScopes);
  const { app, account } = fakeApp({});
  await account.answer({ type: "saveToken", token });
  await account.answer({ type: "getStatus" });
  await (await account.client()).listWidgets();
  await account.answer({ type: "signOut" });
  expect(app.lines.length).toBeGreaterThan(0);
  expect(JSON.stringify(app.messages)).not.toContain(token);
  expect(app.lines.join("\n")).not.toContain(token);
});

describe("the OAuth client id", () => {
  const setups = (messages: PluginMessage[]) => messages.filter((m) => m.type === "setup");

  it("tells the inspector the API host and that no client id is set", async () => {
    const { app, account } = fakeApp({});
    await account.answer({ type: "getStatus" });
    expect(setups(app.messages)).toEqual([
      { type: "setup", apiBaseUrl: emulator.url, clientId: "", clientIdSource: "none" },
    ]);
  });

  it("stores the client id from the page in the global settings, next to what is there, and removes it when cleared", async () => {
    const token = emulator.seedToken(widgetScopes);
    const { app, account } = fakeApp({ token });
    await account.answer({ type: "setClientId", clientId: "my-client" });
    expect(app.held).toEqual({ token, oauthClientId: "my-client" });
    expect(setups(app.messages).at(-1)).toMatchObject({ clientId: "my-client", clientIdSource: "settings" });
    await account.answer({ type: "setClientId", clientId: "" });
    expect(app.held).toEqual({ token });
    expect(setups(app.messages).at(-1)).toMatchObject({ clientId: "", clientIdSource: "none" });
  });

  it("fails a sign-in without a client id at once, pointing to the Client ID field and the token", async () => {
    const { app, account } = fakeApp({});
    await account.answer({ type: "signIn" });
    await expect
      .poll(() => app.messages.find((m) => m.type === "signIn" && m.state === "failed"))
      .toEqual({
        type: "signIn",
        state: "failed",
        detail: expect.stringMatching(
          /^Sign in with Pulsoid needs a client ID: enter yours under Advanced › Client ID/,
        ),
      });
    expect(emulator.requests()).toEqual([]);
  });
});

describe("the OBS settings the account owns", () => {
  const canary = "obs-canary-Vx93kq";
  let obs: FakeObs | undefined;
  afterEach(async () => {
    await obs?.close();
    obs = undefined;
  });

  it("stores the address and password from the page in the global settings, tells the page only that one is saved, and lists the scenes", async () => {
    obs = await startFakeObs({ password: canary, scenes: ["Gameplay", "BRB"] });
    const token = emulator.seedToken(widgetScopes);
    const { app, account } = fakeApp({ token });
    await account.answer({ type: "saveObs", url: obs.url, password: canary });
    expect(app.held).toEqual({ token, obsUrl: obs.url, obsPassword: canary });
    expect(app.messages).toEqual([
      { type: "obsSetup", url: obs.url, defaultUrl: "ws://127.0.0.1:4455", passwordSaved: true },
      { type: "obsScenes", scenes: ["Gameplay", "BRB"], currentProgramScene: "Gameplay" },
    ]);
    expect(await account.obs()).toMatchObject({ url: obs.url, password: canary });
    // a second save without a password keeps the saved one
    await account.answer({ type: "saveObs", url: obs.url });
    expect(app.held.obsPassword).toBe(canary);
    expect(JSON.stringify(app.messages)).not.toContain(canary);
    expect(app.lines.join("\n")).not.toContain(canary);
  });

  it("does not store an address that is not ws://, and says so", async () => {
    const { app, account } = fakeApp({});
    await account.answer({ type: "saveObs", url: "http://127.0.0.1:4455" });
    expect(app.saves).toEqual([]);
    expect(app.messages).toEqual([
      { type: "requestFailed", request: "saveObs", detail: expect.stringMatching(/ws:\/\//) },
    ]);
  });

  it("says why OBS gave no scenes, naming the password field for a wrong password, without the password", async () => {
    obs = await startFakeObs({ password: "the-right-one" });
    const { app, account } = fakeApp({ obsUrl: obs.url, obsPassword: canary });
    await account.answer({ type: "listObsScenes" });
    expect(app.messages).toEqual([
      { type: "obsFailed", kind: "auth_failed", detail: expect.stringMatching(/Password field under OBS/) },
    ]);
    expect(JSON.stringify(app.messages)).not.toContain(canary);
    expect(app.lines.some((line) => line.startsWith("OBS scenes not listed"))).toBe(true);
    expect(app.lines.join("\n")).not.toContain(canary);
  });

  it("forgets the password and keeps the address", async () => {
    const { app, account } = fakeApp({ obsUrl: "ws://127.0.0.1:4455", obsPassword: canary });
    await account.answer({ type: "forgetObsPassword" });
    expect(app.held).toEqual({ obsUrl: "ws://127.0.0.1:4455" });
    expect(app.messages).toEqual([expect.objectContaining({ type: "obsSetup", passwordSaved: false })]);
  });

  it("hides the OBS password in every log line, even one that quotes it", async () => {
    const { app, account } = fakeApp({ obsPassword: canary });
    await account.load();
    account.log(`something said ${canary}`);
    expect(app.lines).toEqual(["something said [hidden]"]);
  });
});

import { BASIC_BPM_META_ID } from "@pulsekit/core";
import { afterEach, describe, expect, it } from "vitest";
import { type Deck, readPluginLogs, startDeck, stopDeck } from "./setup.js";

let deck: (Deck & { token?: string }) | undefined;
afterEach(async () => {
  await stopDeck(deck);
  deck = undefined;
});

const widgetPosts = (d: Deck) =>
  d.emulator.requests().filter((r) => r.method === "POST" && r.path === "/api/v1/widgets");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** a deck whose global settings hold a fresh emulator token with the scopes sign-in asks for */
async function signedInDeck(): Promise<Deck & { token: string }> {
  let token = "";
  const started = await startDeck({
    globalSettings: (emulator) => {
      token = emulator.seedToken({ scopes: ["widgets:read", "widgets:update"] });
      return { token };
    },
  });
  return { ...started, token };
}

describe("a Create Widget key over the Stream Deck protocol", () => {
  it("creates exactly one widget with the documented POST, then shows OK and keeps the widget in the key", async () => {
    deck = await signedInDeck();
    const { host, emulator } = deck;
    const key = host.addKey({ preset: "classic", name: "Stream {counter}" });
    host.press(key);
    await host.nextCommand("showOk", key);

    // a list first (core notes the ids that exist, to know its own widget after a fault), then the create
    expect(emulator.requests()).toEqual([
      expect.objectContaining({ method: "GET", path: "/api/v1/widgets", status: 200 }),
      expect.objectContaining({
        method: "POST",
        path: "/api/v1/widgets",
        status: 200,
        body: {
          meta_id: BASIC_BPM_META_ID,
          name: "Stream 1",
          configuration: expect.objectContaining({ heartEnabled: true }),
        },
      }),
    ]);
    const [widget] = emulator.widgets();
    const titles = host.titles(key);
    expect(titles[0]).toMatch(/^Creating/);
    expect(titles.at(-1)).toBe("Created");
    expect(host.commands("showAlert", key)).toHaveLength(0);
    expect(host.keys.get(key)?.settings).toMatchObject({
      preset: "classic",
      name: "Stream {counter}",
      counter: 1,
      lastWidgetId: widget?.id,
      lastWidgetUrl: `https://pulsoid.net/widget/view/${widget?.id}`,
    });
  });

  it("sends the key's preset, heart and configuration overrides", async () => {
    deck = await signedInDeck();
    const { host, emulator } = deck;
    const key = host.addKey({
      preset: "minimal",
      name: "Overlay",
      heartEnabled: true,
      heartColor: "#11223344",
      configuration: { font: "Inter" },
    });
    host.press(key);
    await host.nextCommand("showOk", key);
    expect(emulator.widgets()).toEqual([
      expect.objectContaining({
        name: "Overlay",
        configuration: { heartEnabled: true, heartColor: "#11223344", font: "Inter" },
      }),
    ]);
  });

  it("prefers the API URL in the global settings over PULSOID_API_URL", async () => {
    deck = await startDeck({
      env: { PULSOID_API_URL: "http://127.0.0.1:9" },
      globalSettings: (emulator) => ({
        token: emulator.seedToken({ scopes: ["widgets:read", "widgets:update"] }),
        apiBaseUrl: emulator.url,
      }),
    });
    const { host, emulator } = deck;
    const key = host.addKey({ name: "Configured" });
    host.press(key);
    await host.nextCommand("showOk", key);
    expect(emulator.widgets().map((w) => w.name)).toEqual(["Configured"]);
  });

  it("gives repeated presses distinct names from the template", async () => {
    deck = await signedInDeck();
    const { host, emulator } = deck;
    const key = host.addKey({ name: "Run {counter} {date}" });
    host.press(key);
    await host.waitUntil(() => host.commands("showOk", key).length === 1, 10_000, "the first widget");
    // the key ignores presses while it shows "Created"; wait until it clears
    await host.waitUntil(() => host.titles(key).at(-1) === undefined, 10_000, "the title to clear");
    host.press(key);
    await host.waitUntil(() => host.commands("showOk", key).length === 2, 10_000, "the second widget");
    const names = emulator.widgets().map((w) => w.name);
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(/^Run 1 \d{4}-\d{2}-\d{2}$/);
    expect(names[1]).toMatch(/^Run 2 \d{4}-\d{2}-\d{2}$/);
    expect(host.keys.get(key)?.settings.lastWidgetId).toBe(emulator.widgets()[1]?.id);
  });

  it("asks for sign-in without calling Pulsoid when no token is stored, and clears the title after a few seconds", async () => {
    deck = await startDeck();
    const { host, emulator } = deck;
    const key = host.addKey({ name: "x" });
    host.press(key);
    await host.nextCommand("showAlert", key);
    expect(host.titles(key).at(-1)).toBe("Sign in");
    expect(emulator.requests()).toEqual([]);
    await host.waitUntil(() => host.titles(key).at(-1) === undefined, 8_000, "the Sign in title to clear");
    expect(host.commands("showOk", key)).toHaveLength(0);
  });

  it("asks for sign-in when Pulsoid refuses the token, and keeps the token", async () => {
    deck = await startDeck({ globalSettings: { token: "refused-token-value" } });
    const { host, emulator } = deck;
    const key = host.addKey({ name: "x" });
    host.press(key);
    await host.nextCommand("showAlert", key);
    expect(host.titles(key).at(-1)).toBe("Sign in");
    expect(emulator.requests().map((r) => r.status)).toContain(403);
    expect(host.commands("setGlobalSettings")).toHaveLength(0);
    expect(host.globalSettings.token).toBe("refused-token-value");
  });

  it("says No plan when Pulsoid wants a paid plan", async () => {
    deck = await signedInDeck();
    const { host, emulator } = deck;
    emulator.addFault({ method: "POST", path: "/api/v1/widgets", status: 402, errorCode: 7007 });
    const key = host.addKey({ name: "x" });
    host.press(key);
    await host.nextCommand("showAlert", key);
    expect(host.titles(key).at(-1)).toBe("No plan");
    expect(host.globalSettings.token).toBe(deck.token);
  });

  it("says Retry on a 503 and creates the widget on the next press", async () => {
    deck = await signedInDeck();
    const { host, emulator } = deck;
    emulator.addFault({ method: "POST", path: "/api/v1/widgets", status: 503 });
    const key = host.addKey({ name: "Second try" });
    host.press(key);
    await host.nextCommand("showAlert", key);
    expect(host.titles(key).at(-1)).toBe("Retry");
    expect(emulator.widgets()).toHaveLength(0);

    host.press(key);
    await host.nextCommand("showOk", key);
    expect(emulator.widgets().map((w) => w.name)).toEqual(["Second try"]);
    expect(widgetPosts(deck).map((r) => r.status)).toEqual([503, 200]);
    // after the 503 the core looked for the widget instead of posting twice
    expect(emulator.requests().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "GET /api/v1/widgets 200",
      "POST /api/v1/widgets 503",
      "GET /api/v1/widgets 200",
      "GET /api/v1/widgets 200",
      "POST /api/v1/widgets 200",
    ]);
    expect(host.globalSettings.token).toBe(deck.token);
  });

  it("says Retry when Pulsoid rate-limits the press, and keeps the token", async () => {
    deck = await signedInDeck();
    const { host, emulator } = deck;
    emulator.addFault({ method: "POST", path: "/api/v1/widgets", status: 429, retryAfter: "1" });
    const key = host.addKey({ name: "x" });
    host.press(key);
    await host.nextCommand("showAlert", key);
    expect(host.titles(key).at(-1)).toBe("Retry");
    expect(widgetPosts(deck)).toHaveLength(1);
    expect(host.globalSettings.token).toBe(deck.token);
  });

  it("asks for sign-in again when the token lacks widgets:update", async () => {
    deck = await startDeck({
      globalSettings: (emulator) => ({ token: emulator.seedToken({ scopes: ["widgets:read"] }) }),
    });
    const { host, emulator } = deck;
    const key = host.addKey({ name: "x" });
    host.press(key);
    await host.nextCommand("showAlert", key);
    expect(host.titles(key).at(-1)).toBe("Sign in");
    expect(emulator.widgets()).toEqual([]);
    expect(typeof host.globalSettings.token).toBe("string");
  });

  it("says Offline when Pulsoid cannot be reached, and keeps the token", async () => {
    deck = await signedInDeck();
    const { host } = deck;
    await deck.emulator.close();
    const key = host.addKey({ name: "x" });
    host.press(key);
    await host.nextCommand("showAlert", key, 0, 20_000);
    expect(host.titles(key).at(-1)).toBe("Offline");
    expect(host.commands("setGlobalSettings")).toHaveLength(0);
    expect(host.globalSettings.token).toBe(deck.token);
  });

  it("gives up on a Pulsoid that never answers, says Check, and the next press makes the widget once", async () => {
    deck = await signedInDeck();
    const { host, emulator } = deck;
    emulator.addFault({ method: "POST", path: "/api/v1/widgets", hang: true });
    const key = host.addKey({ name: "Hung {time}" });
    host.press(key);
    await host.nextCommand("showAlert", key, 0, 25_000);
    // it may have been created: not "Retry", and the key remembers what it asked for
    expect(host.titles(key).at(-1)).toBe("Check");
    expect(host.globalSettings.token).toBe(deck.token);
    expect(emulator.requests().map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /api/v1/widgets",
      "POST /api/v1/widgets",
      "GET /api/v1/widgets",
    ]);
    const asked = (host.keys.get(key)?.settings.unfinished as { name?: string } | undefined)?.name;
    expect(asked).toMatch(/^Hung \d\d-\d\d-\d\d$/);
    const before = host.frames.length;
    host.press(key);
    await host.nextCommand("showOk", key, before);
    // the same name again (not a new {time}), so a late store of the first would have been found
    expect(emulator.widgets().map((w) => w.name)).toEqual([asked]);
    expect(host.keys.get(key)?.settings.unfinished).toBeUndefined();
  }, 40_000);

  it("finds the widget a press that gave up had made, instead of making a second", async () => {
    deck = await signedInDeck();
    const { host, emulator } = deck;
    // Pulsoid stores the widget, but only after the key stopped waiting (the request times out at 10 s)
    emulator.addFault({ method: "POST", path: "/api/v1/widgets", delayMs: 10_500 });
    const key = host.addKey({ name: "Late" });
    host.press(key);
    await host.nextCommand("showAlert", key, 0, 25_000);
    expect(host.titles(key).at(-1)).toBe("Check");
    await host.waitUntil(() => emulator.widgets().length === 1, 5_000, "the late widget");
    const [late] = emulator.widgets();

    const before = host.frames.length;
    host.press(key);
    await host.nextCommand("showOk", key, before);
    expect(emulator.widgets()).toEqual([late]);
    expect(widgetPosts(deck)).toHaveLength(1);
    expect(host.keys.get(key)?.settings).toMatchObject({ lastWidgetId: late?.id, counter: 1 });
  }, 40_000);

  it("reads key settings of the wrong type as missing, and stores back only valid fields and unknown keys", async () => {
    deck = await signedInDeck();
    const { host, emulator } = deck;
    const key = host.addKey({
      preset: ["zones"],
      name: 7,
      heartEnabled: "false",
      heartColor: 12345,
      configuration: "{}",
      counter: "41",
      lastWidgetUrl: "javascript:alert(1)",
      unfinished: { name: 3 },
      obs: { add: false },
    });
    host.press(key);
    await host.nextCommand("showOk", key);
    const [widget] = emulator.widgets();
    // the classic preset and the default name, as for a new key
    expect(widget).toMatchObject({ name: "Heart rate 1", configuration: { heartEnabled: true } });
    expect(emulator.requests().map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /api/v1/widgets",
      "POST /api/v1/widgets",
    ]);
    expect(host.keys.get(key)?.settings).toEqual({
      obs: { add: false },
      counter: 1,
      lastWidgetId: widget?.id,
      lastWidgetUrl: `https://pulsoid.net/widget/view/${widget?.id}`,
      lastWidgetName: "Heart rate 1",
    });
  });

  it("says Settings and sends nothing when the key's colour is not #RRGGBBAA", async () => {
    deck = await signedInDeck();
    const { host, emulator } = deck;
    const key = host.addKey({ name: "x", heartColor: "red" });
    host.press(key);
    await host.nextCommand("showAlert", key);
    expect(host.titles(key).at(-1)).toBe("Settings");
    expect(emulator.requests()).toEqual([]);
  });

  it("makes one widget from twenty presses in a second", async () => {
    deck = await signedInDeck();
    const { host, emulator } = deck;
    // a slow Pulsoid: most presses land while the first one is still running
    emulator.addFault({ method: "POST", path: "/api/v1/widgets", delayMs: 300 });
    const key = host.addKey({ name: "Mash {counter}" });
    for (let i = 0; i < 20; i++) {
      host.press(key);
      await sleep(50);
    }
    await host.waitUntil(() => host.commands("showOk", key).length >= 1, 10_000, "the widget");
    await sleep(300);
    expect(widgetPosts(deck)).toHaveLength(1);
    expect(emulator.widgets().map((w) => w.name)).toEqual(["Mash 1"]);
    expect(host.commands("showOk", key)).toHaveLength(1);
    expect(host.commands("showAlert", key)).toHaveLength(0);
  });

  it("does not hang the key when the app never answers getGlobalSettings", async () => {
    deck = await startDeck({ answerGlobalSettings: false, globalSettings: { token: "unused" } });
    const { host, emulator } = deck;
    const key = host.addKey({ name: "x" });
    const started = performance.now();
    host.press(key);
    await host.nextCommand("showAlert", key, 0, 10_000);
    expect(performance.now() - started).toBeLessThan(8_000);
    expect(host.titles(key).at(-1)).toBe("Retry");
    expect(emulator.requests()).toEqual([]);
    // the key is free again: the next press runs (and again gives up instead of hanging)
    const before = host.frames.length;
    host.press(key);
    await host.nextCommand("showAlert", key, before, 10_000);
  });

  it("keeps the token out of per-key settings and the plugin's log files", async () => {
    deck = await signedInDeck();
    const { host, token } = deck;
    const key = host.addKey({ name: "Logged" });
    host.press(key);
    await host.nextCommand("showOk", key);
    const stored = JSON.stringify(host.commands("setSettings"));
    expect(stored).toContain("lastWidgetId");
    expect(stored).not.toContain(token);
    const logs = readPluginLogs(deck.pluginDir);
    expect(logs).toContain("POST /api/v1/widgets");
    expect(logs).not.toContain(token);
    expect(host.output).not.toContain(token);
  });
});

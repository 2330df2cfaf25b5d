// walks each action through the states a streamer sees, checks what the test host shows on the key (the
// plugin's image or the manifest's, and its title) and draws those faces in Chromium for the README
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, ensureChromium } from "../../../../scripts/ensure-chromium.mjs";
import { svgFromDataUrl } from "../../src/heart-rate/svg.js";
import { type Captioned, dialRowHtml, keyRowHtml, screenshotRow } from "../support/key-pictures.js";
import { appDir } from "../support/plugin-package.js";
import type { DialFace, DialItem, KeyFace } from "../support/stream-deck-host.js";
import { type Deck, startDeck, stopDeck } from "./setup.js";

let browser: Browser;
let deck: Deck | undefined;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await stopDeck(deck);
  deck = undefined;
});

/** the pictures for the README (the folder is not committed; the README's copies are in media/) */
const pictures = join(appDir, ".test-results", "readme");
const HEART_RATE_SCOPES = ["widgets:read", "widgets:update", "data:heart_rate:read"];

/** a deck signed in with a fresh emulator token; the token is returned so a test can revoke it */
async function signedInDeck(scopes: string[], env: Record<string, string> = {}): Promise<Deck & { token: string }> {
  let token = "";
  const started = await startDeck({
    env,
    globalSettings: (emulator) => {
      token = emulator.seedToken({ scopes });
      return { token };
    },
  });
  deck = started;
  return { ...started, token };
}

/** what a Heart Rate key's picture says: the big number, its colour and the caption beside the heart or clock */
function readKey(face: KeyFace): { number?: string; fill?: string; caption?: string; title?: string } {
  const svg = svgFromDataUrl(face.image);
  const number = /<text [^>]*font-weight="700"[^>]*fill="(#[0-9A-F]{6})"[^>]*>([^<]*)<\/text>/.exec(svg);
  const caption = /<text [^>]*font-size="19"[^>]*>([^<]*)<\/text>/.exec(svg);
  return { number: number?.[2], fill: number?.[1], caption: caption?.[1], title: face.title };
}

/** a touch strip's layout items by key */
function readDial(face: DialFace): Record<string, DialItem> {
  return Object.fromEntries(face.items.map((item) => [item.key, item]));
}

describe("what the keys show on a Stream Deck, drawn for the README", () => {
  it("Create Widget: ready, creating, created, then No plan and Sign in", async () => {
    const d = await signedInDeck(["widgets:read", "widgets:update"]);
    const { host, emulator } = d;
    const key = host.addKey({ preset: "classic", name: "Stream {counter}" });
    const ownImage = host.imageFile("imgs/actions/create/key");
    const row: Captioned<KeyFace>[] = [];

    // on the deck: the manifest's picture and no title (the plugin sets none until a press)
    const ready = host.keyFace(key);
    expect(ready).toMatchObject({ image: ownImage, imageFromPlugin: false, title: undefined });
    expect(ready).toMatchObject({ titleAlignment: "bottom", fontSize: 11, showTitle: true });
    row.push({ caption: "ready", face: ready });

    // a slow Pulsoid, so the progress title runs to its last frame
    emulator.addFault({ method: "POST", path: "/api/v1/widgets", delayMs: 2000 });
    host.press(key);
    await host.waitUntil(() => host.keyFace(key).title === "Creating...", 10_000, "Creating... on the key");
    row.push({ caption: "creating", face: host.keyFace(key) });

    await host.nextCommand("showOk", key);
    const created = host.keyFace(key);
    expect(created).toMatchObject({ image: ownImage, title: "Created" });
    expect(emulator.widgets().map((w) => w.name)).toEqual(["Stream 1"]);
    row.push({ caption: "created ✓", face: created });
    // the title clears itself: the key is ready again
    await host.waitUntil(() => host.keyFace(key).title === undefined, 8_000, "the Created title to clear");

    emulator.addFault({ method: "POST", path: "/api/v1/widgets", status: 402, errorCode: 7007 });
    let before = host.frames.length;
    host.press(key);
    await host.nextCommand("showAlert", key, before);
    const noPlan = host.keyFace(key);
    expect(noPlan).toMatchObject({ image: ownImage, title: "No plan" });
    row.push({ caption: "paid plan needed", face: noPlan });

    emulator.revokeToken(d.token);
    before = host.frames.length;
    host.press(key);
    await host.nextCommand("showAlert", key, before);
    const signIn = host.keyFace(key);
    expect(signIn).toMatchObject({ image: ownImage, title: "Sign in" });
    row.push({ caption: "token refused", face: signIn });

    expect(host.commands("setImage", key)).toEqual([]);
    await screenshotRow(browser, keyRowHtml(row), join(pictures, "create-widget-key.png"));
  });

  it("Heart Rate: a low and a high zone, an old number, offline and Sign in, on a key and a dial", async () => {
    const d = await signedInDeck(HEART_RATE_SCOPES, { PULSEKIT_HEART_RATE_STALE_MS: "1000" });
    const { host, emulator } = d;
    const key = host.addHeartRate();
    const dial = host.addHeartRate("Encoder");
    const keys: Captioned<KeyFace>[] = [];
    const dials: Captioned<DialFace>[] = [];
    /** waits until both the key and the dial show what the checks want */
    const both = async (
      onKey: (k: ReturnType<typeof readKey>) => boolean,
      onDial: (d: Record<string, DialItem>) => boolean,
      what: string,
    ) => {
      await host.waitUntil(
        () =>
          host.commands("setImage", key).length > 0 &&
          onKey(readKey(host.keyFace(key))) &&
          onDial(readDial(host.dialFace(dial))),
        10_000,
        what,
      );
      return { keyFace: host.keyFace(key), dialFace: host.dialFace(dial) };
    };

    await host.waitUntil(() => emulator.realTimeConnections() === 1, 10_000, "the real-time stream");
    emulator.sendHeartRate(72);
    const calm = await both(
      (k) => k.number === "72",
      (s) => s.value?.value === "72",
      "72 on the key and the dial",
    );
    // the zones preset: 0-99 blue, 100-139 green, 140-169 amber, 170+ red
    expect(readKey(calm.keyFace)).toEqual({ number: "72", fill: "#3FA9F5", caption: "BPM", title: undefined });
    expect(calm.keyFace).toMatchObject({ imageFromPlugin: true, titleAlignment: "bottom", fontSize: 12 });
    keys.push({ caption: "72: low zone", face: calm.keyFace });

    for (const bpm of [84, 97, 110, 124, 136, 148, 159, 166, 171, 176]) emulator.sendHeartRate(bpm);
    const hard = await both(
      (k) => k.number === "176",
      (s) => s.value?.value === "176",
      "176 on the key and the dial",
    );
    expect(readKey(hard.keyFace)).toEqual({ number: "176", fill: "#FF1D25", caption: "BPM", title: undefined });
    const hardDial = readDial(hard.dialFace);
    expect(hardDial.title?.value).toBe("Heart rate");
    expect(hardDial.value).toMatchObject({ value: "176", color: "#FF1D25" });
    expect(hardDial.caption?.value).toBe("BPM");
    const bars = svgFromDataUrl(String(hardDial.history?.value));
    expect(bars.match(/<rect x=/g)).toHaveLength(11);
    for (const colour of ["#3FA9F5", "#7AC943", "#FFB000", "#FF1D25"]) expect(bars).toContain(`fill="${colour}"`);
    keys.push({ caption: "176: high zone", face: hard.keyFace });
    dials.push({ caption: "live: the number and its history", face: hard.dialFace });

    // no reading for a while (1 s in this test, 10 s normally): the number greys, with its age
    const old = await both(
      (k) => /^old [2-9]s$/.test(k.caption ?? ""),
      (s) => /^old [2-9]s$/.test(String(s.caption?.value)),
      "the old look on the key and the dial",
    );
    expect(readKey(old.keyFace)).toMatchObject({ number: "176", fill: "#6E6E6E", title: undefined });
    expect(svgFromDataUrl(old.keyFace.image)).toContain("<circle");
    expect(readDial(old.dialFace).value).toMatchObject({ value: "176", color: "#6E6E6E" });
    keys.push({ caption: "no new reading", face: old.keyFace });
    dials.push({ caption: "no new reading", face: old.dialFace });

    expect(emulator.dropRealTime()).toBe(1);
    const offline = await both(
      (k) => k.title === "Offline",
      (s) => s.title?.value === "Offline",
      "Offline on the key and the dial",
    );
    expect(readKey(offline.keyFace)).toEqual({ number: "176", fill: "#6E6E6E", caption: "offline", title: "Offline" });
    keys.push({ caption: "reconnecting", face: offline.keyFace });

    await host.waitUntil(() => emulator.realTimeConnections() === 1, 10_000, "the reconnect");
    emulator.revokeToken(d.token);
    const refused = await both(
      (k) => k.title === "Sign in",
      (s) => s.title?.value === "Sign in",
      "Sign in on the key and the dial",
    );
    expect(readKey(refused.keyFace)).toEqual({ number: "--", fill: "#6E6E6E", caption: undefined, title: "Sign in" });
    expect(readDial(refused.dialFace).value).toMatchObject({ value: "--" });
    keys.push({ caption: "token refused", face: refused.keyFace });
    dials.push({ caption: "token refused", face: refused.dialFace });

    expect(host.commands("setImage", dial)).toEqual([]);
    await screenshotRow(browser, keyRowHtml(keys), join(pictures, "heart-rate-key.png"));
    await screenshotRow(browser, dialRowHtml(dials), join(pictures, "heart-rate-dial.png"));
  });
});

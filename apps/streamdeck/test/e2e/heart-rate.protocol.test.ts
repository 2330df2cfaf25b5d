import { BASIC_BPM_META_ID } from "@pulsekit/core";
import { afterEach, describe, expect, it } from "vitest";
import { svgFromDataUrl } from "../../src/heart-rate/svg.js";
import { InspectorClient } from "../support/inspector-client.js";
import type { Message } from "../support/stream-deck-host.js";
import { type Deck, readPluginLogs, startDeck, stopDeck } from "./setup.js";

let deck: (Deck & { token: string }) | undefined;
let inspector: InspectorClient | undefined;
afterEach(async () => {
  inspector?.close();
  inspector = undefined;
  await stopDeck(deck);
  deck = undefined;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const HEART_RATE_SCOPES = ["widgets:read", "widgets:update", "data:heart_rate:read"];
/** the stale time the tests give the plugin (core's default is 10 s) */
const STALE_MS = 1000;

/** a deck whose global settings hold an emulator token with these scopes */
async function signedInDeck(scopes = HEART_RATE_SCOPES): Promise<Deck & { token: string }> {
  let token = "";
  const started = await startDeck({
    env: { PULSEKIT_HEART_RATE_STALE_MS: String(STALE_MS) },
    globalSettings: (emulator) => {
      token = emulator.seedToken({ scopes });
      return { token };
    },
  });
  return { ...started, token };
}

/** what one setImage drew: the big number, its fill and the caption beside the heart or clock */
type Drawn = { number?: string; fill?: string; caption?: string; svg: string };
function drawn(message: Message): Drawn {
  const svg = svgFromDataUrl(String(message.payload?.image));
  const number = /<text [^>]*font-weight="700"[^>]*fill="(#[0-9A-F]{6})"[^>]*>([^<]*)<\/text>/.exec(svg);
  const caption = /<text [^>]*font-size="19"[^>]*>([^<]*)<\/text>/.exec(svg);
  return { number: number?.[2], fill: number?.[1], caption: caption?.[1], svg };
}

const images = (d: Deck, key: string) => d.host.commands("setImage", key).map(drawn);
const upgrades = (d: Deck) => d.emulator.requests().filter((r) => r.path === "/api/v1/data/real_time").length;

/** waits until the key's latest picture matches */
async function keyShows(d: Deck, key: string, match: (image: Drawn) => boolean, what: string): Promise<Drawn> {
  await d.host.waitUntil(
    () => {
      const last = images(d, key).at(-1);
      return last !== undefined && match(last);
    },
    10_000,
    what,
  );
  return images(d, key).at(-1) as Drawn;
}

/** waits for the stream to be open, then sends a reading and waits for the key to draw it */
async function push(d: Deck, key: string, bpm: number): Promise<Drawn> {
  await d.host.waitUntil(() => d.emulator.realTimeConnections() === 1, 10_000, "the real-time stream");
  d.emulator.sendHeartRate(bpm);
  return keyShows(d, key, (image) => image.number === String(bpm) && image.caption === "BPM", `${bpm} on the key`);
}

describe("a Heart Rate key over the Stream Deck protocol", () => {
  it("draws each reading as an SVG in its zone's colour, one picture per reading, the heart beating", async () => {
    deck = await signedInDeck();
    const { host, emulator } = deck;
    const key = host.addHeartRate();
    const calm = await push(deck, key, 72);
    // the zones preset: 0-99 blue, 100-139 green, 140-169 amber, 170+ red
    expect(calm.fill).toBe("#3FA9F5");
    expect(calm.svg).toContain('viewBox="0 0 144 144"');
    expect(calm.svg).not.toContain("<image");
    const hard = await push(deck, key, 150);
    expect(hard.fill).toBe("#FFB000");
    // the same number again still beats: the heart alternates between two sizes
    const before = host.commands("setImage", key).length;
    emulator.sendHeartRate(150);
    await host.waitUntil(() => host.commands("setImage", key).length === before + 1, 5_000, "the next beat");
    const [previous, beat] = images(deck, key).slice(-2);
    expect(beat?.number).toBe("150");
    expect(beat?.svg).not.toBe(previous?.svg);
    // about one picture per reading: ten readings, ten pictures, nothing in between
    for (let bpm = 60; bpm < 70; bpm++) {
      emulator.sendHeartRate(bpm);
      await keyShows(deck, key, (i) => i.number === String(bpm), `${bpm} on the key`);
    }
    await sleep(300);
    expect(host.commands("setImage", key).length).toBe(before + 11);
    expect(host.titles(key).filter((t) => t !== undefined)).toEqual([]);
  });

  it("colours by the key's own zones, and white outside every zone", async () => {
    deck = await signedInDeck();
    const { host, emulator } = deck;
    const own = host.addHeartRate("Keypad", { zones: [{ from: 0, to: 200, color: "#12345680" }] });
    const outside = host.addHeartRate("Keypad", { zones: [{ from: 0, to: 50, color: "#FF0000FF" }] });
    await push(deck, own, 150);
    const ownImage = images(deck, own).at(-1);
    expect(ownImage?.fill).toBe("#123456");
    expect(ownImage?.svg).toContain('fill-opacity="0.50"');
    const outsideImage = await keyShows(deck, outside, (i) => i.number === "150", "150 on the second key");
    expect(outsideImage.fill).toBe("#E6E6E6");
    // a changed setting takes effect at the next picture
    host.changeSettings(outside, { zones: [{ from: 100, to: 160, color: "#00FF00" }] });
    await keyShows(deck, outside, (i) => i.fill === "#00FF00", "the new zone colour");
    emulator.sendHeartRate(170);
    await keyShows(deck, outside, (i) => i.number === "170" && i.fill === "#E6E6E6", "170 outside the zones");
  });

  it("greys the number and says how old it is once the readings stop", async () => {
    deck = await signedInDeck();
    const key = deck.host.addHeartRate();
    await push(deck, key, 88);
    const old = await keyShows(deck, key, (i) => i.caption?.startsWith("old") === true, "the stale look");
    expect(old.number).toBe("88");
    expect(old.fill).toBe("#6E6E6E");
    expect(old.svg).toContain("<circle");
    // the age keeps up, about once a second
    await keyShows(deck, key, (i) => /^old [2-9]s$/.test(i.caption ?? ""), "an older age");
    deck.emulator.sendHeartRate(89);
    await keyShows(deck, key, (i) => i.number === "89" && i.caption === "BPM", "live again");
  });

  it("is back within a few seconds after the stream drops, and the numbers continue", async () => {
    deck = await signedInDeck();
    const { host, emulator } = deck;
    const key = host.addHeartRate();
    await push(deck, key, 70);
    const droppedAt = performance.now();
    expect(emulator.dropRealTime()).toBe(1);
    await host.waitUntil(() => host.titles(key).at(-1) === "Offline", 5_000, "Offline while it reconnects");
    await host.waitUntil(() => emulator.realTimeConnections() === 1, 5_000, "the reconnect");
    await push(deck, key, 71);
    expect(performance.now() - droppedAt).toBeLessThan(5_000);
    expect(host.titles(key).at(-1)).toBeUndefined();
  });

  it("stops reconnecting when the token is revoked, asks for sign-in and keeps the token", async () => {
    deck = await signedInDeck();
    const { host, emulator, token } = deck;
    const key = host.addHeartRate();
    await push(deck, key, 65);
    emulator.revokeToken(token);
    await host.waitUntil(() => host.titles(key).at(-1) === "Sign in", 10_000, "Sign in on the key");
    const tries = upgrades(deck);
    await sleep(3000);
    expect(upgrades(deck)).toBe(tries);
    expect(emulator.realTimeConnections()).toBe(0);
    expect(host.globalSettings.token).toBe(token);
    expect(drawn(host.commands("setImage", key).at(-1) as Message).number).toBe("--");

    // signing in again (a new token stored) brings the numbers back
    const fresh = emulator.seedToken({ scopes: HEART_RATE_SCOPES });
    host.replaceGlobalSettings({ token: fresh });
    await push(deck, key, 66);
    expect(host.titles(key).at(-1)).toBeUndefined();
    const everything = JSON.stringify(host.frames) + readPluginLogs(deck.pluginDir);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(fresh);
  });

  it("asks for sign-in without opening a stream when no token is stored", async () => {
    deck = { ...(await startDeck()), token: "" };
    const key = deck.host.addHeartRate();
    await deck.host.waitUntil(() => deck?.host.titles(key).at(-1) === "Sign in", 10_000, "Sign in");
    await sleep(300);
    expect(upgrades(deck)).toBe(0);
  });

  it("says Allow HR when the token lacks data:heart_rate:read", async () => {
    deck = await signedInDeck(["widgets:read", "widgets:update"]);
    const key = deck.host.addHeartRate();
    await deck.host.waitUntil(() => deck?.host.titles(key).at(-1) === "Allow HR", 10_000, "Allow HR");
    expect(upgrades(deck)).toBe(0);
  });

  it("shares one connection between keys, and closes it when the last one disappears", async () => {
    deck = await signedInDeck();
    const { host, emulator } = deck;
    const first = host.addHeartRate();
    const second = host.addHeartRate();
    await push(deck, first, 101);
    await keyShows(deck, second, (i) => i.number === "101", "101 on the second key");
    expect(emulator.realTimeConnections()).toBe(1);
    expect(upgrades(deck)).toBe(1);
    host.removeKey(first);
    await sleep(300);
    expect(emulator.realTimeConnections()).toBe(1);
    await push(deck, second, 102);
    host.removeKey(second);
    await host.waitUntil(() => emulator.realTimeConnections() === 0, 5_000, "the stream to close");
    // a key that comes back opens it again
    const third = host.addHeartRate();
    await push(deck, third, 103);
    expect(upgrades(deck)).toBe(2);
  });

  it("shows the number, its colour and the history on a Stream Deck + dial", async () => {
    deck = await signedInDeck();
    const { host, emulator } = deck;
    const dial = host.addHeartRate("Encoder");
    await host.waitUntil(() => emulator.realTimeConnections() === 1, 10_000, "the real-time stream");
    for (const bpm of [80, 120, 175]) emulator.sendHeartRate(bpm);
    await host.waitUntil(
      () => host.commands("setFeedback", dial).some((m) => m.payload?.value?.value === "175"),
      10_000,
      "175 on the dial",
    );
    const feedback = host.commands("setFeedback", dial).at(-1)?.payload;
    expect(feedback).toMatchObject({ title: "Heart rate", value: { value: "175", color: "#FF1D25" }, caption: "BPM" });
    const history = svgFromDataUrl(String(feedback.history));
    expect(history.match(/<rect x=/g)).toHaveLength(3);
    expect(history).toContain('fill="#3FA9F5"');
    expect(history).toContain('fill="#7AC943"');
    expect(host.commands("setImage", dial)).toHaveLength(0);
  });

  it("tells the inspector how the connection is and copies a widget's zones", async () => {
    deck = await signedInDeck();
    const { host, emulator } = deck;
    emulator.seedWidgets([
      { name: "Plain", meta_id: BASIC_BPM_META_ID, configuration: {} },
      {
        name: "Zones",
        meta_id: BASIC_BPM_META_ID,
        configuration: { ranges: [{ from: 0, to: 120, color: "#00FF00FF" }] },
      },
    ]);
    const key = host.addHeartRate();
    await push(deck, key, 77);
    inspector = await InspectorClient.connect(host.port, key);
    await host.waitUntil(
      () => inspector?.fromPlugin().some((m) => m.type === "heartRate" && m.headline === "Live") === true,
      10_000,
      "Live in the inspector",
    );
    inspector.send({ event: "sendToPlugin", context: key, payload: { type: "listWidgets" } });
    await host.waitUntil(
      () => inspector?.fromPlugin().some((m) => m.type === "widgets") === true,
      10_000,
      "the widgets",
    );
    expect(inspector.fromPlugin().find((m) => m.type === "widgets")?.widgets).toEqual([
      expect.objectContaining({ name: "Plain", zones: [] }),
      expect.objectContaining({ name: "Zones", zones: [{ from: 0, to: 120, color: "#00FF00FF" }] }),
    ]);
    emulator.revokeToken(deck.token);
    await host.waitUntil(
      () => inspector?.fromPlugin().some((m) => m.type === "heartRate" && m.state === "token_refused") === true,
      10_000,
      "the refusal in the inspector",
    );
    const refused = inspector.fromPlugin().find((m) => m.state === "token_refused");
    expect(refused?.detail).toMatch(/sign in/i);
  });
});

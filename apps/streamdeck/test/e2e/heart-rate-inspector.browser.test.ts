import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { BASIC_BPM_META_ID } from "@pulsekit/core";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, ensureChromium } from "../../../../scripts/ensure-chromium.mjs";
import { svgFromDataUrl } from "../../src/heart-rate/svg.js";
import { appDir } from "../support/plugin-package.js";
import { HEART_RATE_UUID, type Message } from "../support/stream-deck-host.js";
import { connectInspectorPage } from "./inspector-page.js";
import { type Deck, startDeck, stopDeck } from "./setup.js";

let browser: Browser;
let deck: Deck | undefined;
let openContext: BrowserContext | undefined;
const requested: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await openContext?.close();
  openContext = undefined;
  await stopDeck(deck);
  deck = undefined;
  expect(pageErrors.splice(0)).toEqual([]);
});

/** opens a Heart Rate key's inspector as the app does, on a deck signed in with heart-rate access */
async function openInspector(settings: Message): Promise<{ page: Page; key: string; d: Deck }> {
  const d = await startDeck({
    globalSettings: (emulator) => ({
      token: emulator.seedToken({ scopes: ["widgets:read", "widgets:update", "data:heart_rate:read"] }),
    }),
  });
  deck = d;
  const key = d.host.addHeartRate("Keypad", settings);
  const { context, page } = await connectInspectorPage(
    browser,
    d,
    { file: "heart-rate.html", action: HEART_RATE_UUID, key, settings },
    { requested, pageErrors },
  );
  openContext = context;
  return { page, key, d };
}

/** the fill of the big number in the key's latest picture */
const lastFill = (d: Deck, key: string) => {
  const image = d.host.commands("setImage", key).at(-1)?.payload?.image;
  return image ? /font-weight="700"[^>]*fill="(#[0-9A-F]{6})"/.exec(svgFromDataUrl(String(image)))?.[1] : undefined;
};

const screenshots = join(appDir, ".test-results", "inspector");

describe("the Heart Rate inspector page in Chromium", () => {
  it("shows the connection, edits a zone and the key takes its colour", async () => {
    const { page, key, d } = await openInspector({});
    await d.host.waitUntil(() => d.emulator.realTimeConnections() === 1, 10_000, "the stream");
    d.emulator.sendHeartRate(90);
    await expect.poll(() => page.locator("#live-headline").textContent()).toBe("Live");
    await expect.poll(() => page.locator("#account-status").textContent()).toBe("Signed in");
    expect(await page.locator("#zones-mode").inputValue()).toBe("preset");
    await expect.poll(() => page.locator("#zone-rows .zone-row").count()).toBe(4);
    expect(lastFill(d, key)).toBe("#3FA9F5");

    await page.fill('[aria-label="Zone 1 colour"]', "#112233");
    await expect.poll(() => d.host.keys.get(key)?.settings.zones?.[0]).toEqual({ from: 0, to: 99, color: "#112233FF" });
    expect(await page.locator("#zones-mode").inputValue()).toBe("own");
    d.emulator.sendHeartRate(91);
    await expect.poll(() => lastFill(d, key)).toBe("#112233");

    // a mistake is named and not saved
    await page.fill('[aria-label="Zone 2 to"]', "50");
    await expect
      .poll(() => page.locator("#zones-error").textContent())
      .toMatch(/Zone 2: the range must have from <= to/);
    expect(d.host.keys.get(key)?.settings.zones?.[1]?.to).toBe(139);

    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: join(screenshots, "6-heart-rate.png"), fullPage: true });

    await page.selectOption("#zones-mode", "preset");
    await expect.poll(() => d.host.keys.get(key)?.settings.zones).toBeUndefined();
    expect(requested.filter((url) => !url.startsWith("file:"))).toEqual([]);
  });

  it("copies the ranges of one of the account's widgets into the key", async () => {
    const { page, key, d } = await openInspector({});
    d.emulator.seedWidgets([
      {
        name: "Stream zones",
        meta_id: BASIC_BPM_META_ID,
        configuration: { ranges: [{ from: 0, to: 200, color: "#ABCDEFFF" }] },
      },
    ]);
    await page.click("#load-widgets");
    await expect.poll(() => page.locator("#widget-pick option").allTextContents()).toEqual(["Stream zones (1 zone)"]);
    await page.click("#copy-zones");
    await expect.poll(() => d.host.keys.get(key)?.settings.zones).toEqual([{ from: 0, to: 200, color: "#ABCDEFFF" }]);
    expect(await page.locator("#widgets-result").textContent()).toBe('Copied 1 zone from "Stream zones".');
    await d.host.waitUntil(() => d.emulator.realTimeConnections() === 1, 10_000, "the stream");
    d.emulator.sendHeartRate(150);
    await expect.poll(() => lastFill(d, key)).toBe("#ABCDEF");
  });
});

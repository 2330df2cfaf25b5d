import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { emulatorHooks } from "@pulsekit/emulator";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, ensureChromium } from "../../../../scripts/ensure-chromium.mjs";
import { ACTION_UUID, DEVICE_ID, type Message, REGISTRATION_INFO } from "../support/stream-deck-host.js";
import { type Deck, type DeckOptions, startDeck, stopDeck } from "./setup.js";

let browser: Browser;
let deck: Deck | undefined;
let openPage: Page | undefined;
const requested: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await openPage?.close();
  openPage = undefined;
  await stopDeck(deck);
  deck = undefined;
  // the page never throws, whatever the test did
  expect(pageErrors.splice(0)).toEqual([]);
});

/** opens the key's property inspector the way the app does: load the page, then call connectElgatoStreamDeckSocket */
async function openInspector(options: DeckOptions, settings: Message): Promise<{ page: Page; key: string; d: Deck }> {
  const d = await startDeck(options);
  deck = d;
  const key = d.host.addKey(settings);
  const page = await browser.newPage();
  openPage = page;
  requested.length = 0;
  page.on("request", (request) => requested.push(request.url()));
  page.on("pageerror", (error) => pageErrors.push(String(error)));
  await page.goto(pathToFileURL(join(d.pluginDir, "ui", "create-widget.html")).href);
  const actionInfo = {
    action: ACTION_UUID,
    context: key,
    device: DEVICE_ID,
    payload: { settings, coordinates: { column: 0, row: 0 } },
  };
  await page.evaluate(
    ([port, uuid, info, action]) =>
      (
        window as unknown as { connectElgatoStreamDeckSocket: (...args: unknown[]) => void }
      ).connectElgatoStreamDeckSocket(port, uuid, "registerPropertyInspector", info, action),
    [d.host.port, key, JSON.stringify(REGISTRATION_INFO), JSON.stringify(actionInfo)] as const,
  );
  await d.host.waitUntil(
    () => d.host.frames.some((f) => f.from === "inspector" && f.message.event === "registerPropertyInspector"),
    10_000,
    "the inspector to register",
  );
  return { page, key, d };
}

/** setSettings payloads the inspector sent */
const inspectorSaves = (d: Deck, event = "setSettings") =>
  d.host.frames.filter((f) => f.from === "inspector" && f.message.event === event).map((f) => f.message.payload);

const signedIn: DeckOptions = {
  globalSettings: (emulator) => ({ token: emulator.seedToken({ scopes: ["widgets:read", "widgets:update"] }) }),
};

describe("the property inspector page in Chromium", () => {
  it("saves preset, name and heart as the user edits, and the next press uses them", async () => {
    const { page, key, d } = await openInspector(signedIn, { preset: "classic", name: "Old" });
    await expect.poll(() => page.locator("#status").textContent()).toBe("Signed in");

    await page.selectOption("#preset", "zones");
    await page.fill("#name", "Zones {counter}");
    await page.uncheck("#heartEnabled");
    await expect
      .poll(() => inspectorSaves(d).at(-1))
      .toMatchObject({ preset: "zones", name: "Zones {counter}", heartEnabled: false });
    expect(inspectorSaves(d).some((s) => s.preset === "zones" && s.name === "Old")).toBe(true);
    expect(await page.locator("#name-preview").textContent()).toBe("Next widget: Zones 1");

    d.host.press(key);
    await d.host.nextCommand("showOk", key);
    const [widget] = d.emulator.widgets();
    expect(widget?.name).toBe("Zones 1");
    expect(widget?.configuration).toMatchObject({ heartEnabled: false, ranges: expect.any(Array) });
    // the inspector hears about the new widget and can open it
    await expect.poll(() => page.locator("#last-widget").textContent()).toContain(`widget/view/${widget?.id}`);
    expect(await page.locator("#name-preview").textContent()).toBe("Next widget: Zones 2");
    await page.click("#open-last");
    await expect
      .poll(
        () => d.host.frames.find((f) => f.from === "inspector" && f.message.event === "openUrl")?.message.payload.url,
      )
      .toBe(`https://pulsoid.net/widget/view/${widget?.id}`);
    expect(requested.every((url) => url.startsWith("file://"))).toBe(true);
  });

  it("shows an error next to a bad colour and does not save it", async () => {
    const { page, d } = await openInspector(signedIn, { name: "Colour" });
    await page.fill("#heartColor", "#12");
    await expect.poll(() => page.locator("#heartColor-error").textContent()).toMatch(/heartColor/);
    expect(await page.locator("#heartColor").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#heartColor-error").isVisible()).toBe(true);
    expect(inspectorSaves(d).some((s) => "heartColor" in s)).toBe(false);

    await page.fill("#heartColor", "#11223344");
    await expect.poll(() => inspectorSaves(d).at(-1)?.heartColor).toBe("#11223344");
    expect(await page.locator("#heartColor-error").textContent()).toBe("");
    // the colour picker keeps the alpha that was typed
    await page.locator("#heartColor-picker").fill("#00ff00");
    await expect.poll(() => inspectorSaves(d).at(-1)?.heartColor).toBe("#00FF0044");
  });

  it("shows an error for a name that is too long and keeps the last good one", async () => {
    const { page, d } = await openInspector(signedIn, { name: "Good" });
    await page.fill("#name", "x".repeat(101));
    await expect.poll(() => page.locator("#name-error").textContent()).not.toBe("");
    expect(inspectorSaves(d).some((s) => String(s.name).length > 100)).toBe(false);
  });

  it("signs in: shows the user code, and Signed in once approved on Pulsoid", async () => {
    const { page, d } = await openInspector({}, { name: "x" });
    d.emulator.configure({ deviceInterval: 0 });
    await expect.poll(() => page.locator("#status").textContent()).toBe("Not signed in");
    await page.click("#sign-in");
    await expect.poll(() => page.locator("#user-code").textContent()).not.toBe("");
    const userCode = String(await page.locator("#user-code").textContent());
    expect(await page.locator("#device-code").isVisible()).toBe(true);
    const opened = await d.host.nextCommand("openUrl");
    expect(decodeURIComponent(String(opened.payload.url))).toContain(userCode);

    await emulatorHooks(d.emulator.url).approveDevice(userCode);
    await expect.poll(() => page.locator("#status").textContent(), { timeout: 10_000 }).toBe("Signed in");
    expect(typeof d.host.globalSettings.token).toBe("string");
  });

  it("hands a pasted token to the plugin, which stores it; the page never writes global settings", async () => {
    const { page, d } = await openInspector({ globalSettings: { apiBaseUrl: "" } }, { name: "x" });
    await expect.poll(() => page.locator("#status").textContent()).toBe("Not signed in");
    const token = d.emulator.seedToken({ scopes: ["widgets:read", "widgets:update"] });
    await page.fill("#token", token);
    await page.click("#save-token");
    await expect.poll(() => page.locator("#status").textContent()).toBe("Signed in");
    expect(await page.locator("#token").inputValue()).toBe("");
    expect(d.host.commands("setGlobalSettings").map((m) => m.payload)).toEqual([{ apiBaseUrl: "", token }]);

    await page.click("#sign-out");
    await expect.poll(() => page.locator("#status").textContent()).toBe("Not signed in");
    expect(d.host.globalSettings).toEqual({ apiBaseUrl: "" });
    // only the plugin writes the token; the page neither writes nor asks for global settings
    expect(inspectorSaves(d, "setGlobalSettings")).toEqual([]);
    expect(inspectorSaves(d, "getGlobalSettings")).toEqual([]);
  });

  it("shows why a pasted token was not saved, next to the field", async () => {
    const { page, d } = await openInspector({}, { name: "x" });
    await expect.poll(() => page.locator("#status").textContent()).toBe("Not signed in");
    await page.fill("#token", "not-a-pulsoid-token");
    await page.click("#save-token");
    await expect.poll(() => page.locator("#token-error").textContent()).toMatch(/^Not saved/);
    await expect.poll(() => page.locator("#status").textContent()).toBe("Not signed in");
    expect(d.host.commands("setGlobalSettings")).toEqual([]);
    expect(inspectorSaves(d, "setGlobalSettings")).toEqual([]);
  });

  it("shows key settings of the wrong type the way a press reads them, and saves back only valid fields", async () => {
    const { page, d } = await openInspector(signedIn, {
      name: 7,
      heartEnabled: "false",
      heartColor: 12345,
      configuration: "{}",
      counter: "41",
      lastWidgetUrl: "javascript:alert(1)",
      obs: { add: false },
    });
    await expect.poll(() => page.locator("#status").textContent()).toBe("Signed in");
    expect(await page.locator("#name-preview").textContent()).toBe("Next widget: Heart rate 1");
    expect(await page.locator("#heartEnabled").isChecked()).toBe(true);
    expect(await page.locator("#heartColor").inputValue()).toBe("");
    expect(await page.locator("#configuration").inputValue()).toBe("");
    expect(await page.locator("#open-last").isDisabled()).toBe(true);

    await page.fill("#name", "Fixed");
    await expect.poll(() => inspectorSaves(d).at(-1)).toEqual({ name: "Fixed", obs: { add: false } });
  });
});

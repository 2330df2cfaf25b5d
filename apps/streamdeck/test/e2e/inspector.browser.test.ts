import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { widgetUrlCaveat } from "@pulsekit/core";
import { emulatorHooks } from "@pulsekit/emulator";
import { closedObsAddress, type FakeObs, startFakeObs } from "@pulsekit/obs/fake";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, ensureChromium } from "../../../../scripts/ensure-chromium.mjs";
import { appDir } from "../support/plugin-package.js";
import { ACTION_UUID, type Message } from "../support/stream-deck-host.js";
import { connectInspectorPage } from "./inspector-page.js";
import { type Deck, type DeckOptions, startDeck, stopDeck } from "./setup.js";

let browser: Browser;
let deck: Deck | undefined;
let openContext: BrowserContext | undefined;
const requested: string[] = [];
const pageErrors: string[] = [];

// the OBS the page's Test connection reaches through the plugin; its password must never reach the page
const OBS_PASSWORD = "obs-canary-page-41xT";
let obs: FakeObs;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
  obs = await startFakeObs({ password: OBS_PASSWORD, scenes: ["Gameplay", "BRB", "Starting soon"] });
});
afterAll(async () => {
  await browser?.close();
  await obs?.close();
});
afterEach(async () => {
  await openContext?.close();
  openContext = undefined;
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
  const { context, page } = await connectInspectorPage(
    browser,
    d,
    { file: "create-widget.html", action: ACTION_UUID, key, settings, clipboard: true },
    { requested, pageErrors },
  );
  openContext = context;
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

/** screenshots of the inspector's states, for the README (the folder is not committed) */
const screenshots = join(appDir, ".test-results", "inspector");
async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

/** whether an element is shown on the page */
const shown = (page: Page, selector: string) => page.locator(selector).isVisible();

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
    await expect.poll(() => page.locator("#last-url").inputValue()).toContain(`widget/view/${widget?.id}`);
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

  it("signs in: only the code, the link and Cancel while waiting, then Signed in with Sign out alone", async () => {
    const { page, d } = await openInspector({}, { name: "x" });
    d.emulator.configure({ deviceInterval: 0 });
    await expect.poll(() => page.locator("#status").textContent()).toBe("Not signed in");
    expect(await shown(page, "#sign-in")).toBe(true);
    expect(await shown(page, "#sign-out")).toBe(false);
    expect(await shown(page, "#token-row")).toBe(true);
    await screenshot(page, "1-signed-out");

    await page.click("#sign-in");
    await expect.poll(() => page.locator("#user-code").textContent()).not.toBe("");
    const userCode = String(await page.locator("#user-code").textContent());
    expect(await shown(page, "#device-code")).toBe(true);
    expect(await shown(page, "#cancel-sign-in")).toBe(true);
    expect(await page.locator("#verification-uri").textContent()).toContain(`${d.emulator.url}/`);
    // nothing left over from before: no status line, no detail, no other way in or out
    for (const stale of ["#status", "#status-detail", "#sign-in", "#sign-out", "#token-row", "#account-advanced"]) {
      expect(await shown(page, stale), stale).toBe(false);
    }
    await screenshot(page, "2-waiting-for-approval");
    const opened = await d.host.nextCommand("openUrl");
    expect(decodeURIComponent(String(opened.payload.url))).toContain(userCode);

    await emulatorHooks(d.emulator.url).approveDevice(userCode);
    await expect.poll(() => page.locator("#status").textContent(), { timeout: 10_000 }).toBe("Signed in");
    expect(await shown(page, "#sign-out")).toBe(true);
    expect(await shown(page, "#sign-in")).toBe(false);
    expect(await shown(page, "#device-code")).toBe(false);
    expect(await shown(page, "#token-row")).toBe(false);
    expect(typeof d.host.globalSettings.token).toBe("string");
    await screenshot(page, "3-signed-in");
  });

  it("goes back to Sign in alone when the sign-in is cancelled", async () => {
    const { page } = await openInspector({}, { name: "x" });
    await expect.poll(() => page.locator("#status").textContent()).toBe("Not signed in");
    await page.click("#sign-in");
    await expect.poll(() => shown(page, "#device-code")).toBe(true);
    await page.click("#cancel-sign-in");
    await expect.poll(() => shown(page, "#sign-in")).toBe(true);
    expect(await shown(page, "#device-code")).toBe(false);
    expect(await shown(page, "#sign-out")).toBe(false);
  });

  it("leads with the token when no client id is set, and offers Sign in once one is saved under Advanced", async () => {
    const { page, d } = await openInspector({ env: { PULSOID_CLIENT_ID: "" } }, { name: "x" });
    await expect.poll(() => page.locator("#status").textContent()).toBe("Not signed in");
    await expect.poll(() => shown(page, "#token-hint-client")).toBe(true);
    expect(await shown(page, "#sign-in")).toBe(false);
    expect(await shown(page, "#sign-out")).toBe(false);
    expect(await page.locator("#token-hint").textContent()).toMatch(/pulsoid\.net\/ui\/keys.*BRO plan/s);
    await page.click("#account-advanced summary");
    expect(await page.locator("#clientId-hint").textContent()).toMatch(/pulsoid\.net\/ui\/api-clients/);
    await screenshot(page, "4-no-client-id");

    await page.fill("#clientId", "my-client");
    await page.click("#save-client-id");
    await expect.poll(() => shown(page, "#sign-in")).toBe(true);
    expect(d.host.globalSettings).toEqual({ oauthClientId: "my-client" });
    expect(await shown(page, "#token-hint-client")).toBe(false);
    // the page asked the plugin; it never writes global settings itself
    expect(inspectorSaves(d, "setGlobalSettings")).toEqual([]);
  });

  it("hides the heart colour for a preset without a heart, and shows it when the heart is switched on", async () => {
    const { page, d } = await openInspector(signedIn, { preset: "classic" });
    await expect.poll(() => shown(page, "#heartColor-row")).toBe(true);
    await page.selectOption("#preset", "minimal");
    await expect.poll(() => shown(page, "#heartColor-row")).toBe(false);
    expect(await page.locator("#heartEnabled").isChecked()).toBe(false);
    await expect.poll(() => inspectorSaves(d).at(-1)?.preset).toBe("minimal");
    await page.check("#heartEnabled");
    await expect.poll(() => shown(page, "#heartColor-row")).toBe(true);
    await expect.poll(() => inspectorSaves(d).at(-1)).toMatchObject({ preset: "minimal", heartEnabled: true });
  });

  it("takes a #RRGGBB colour and keeps it opaque", async () => {
    const { page, d } = await openInspector(signedIn, { name: "Colour" });
    await page.fill("#heartColor", "#A1B2C3");
    await expect.poll(() => inspectorSaves(d).at(-1)?.heartColor).toBe("#A1B2C3FF");
    expect(await page.locator("#heartColor-error").textContent()).toBe("");
    expect(await page.locator("#heartColor").getAttribute("aria-invalid")).toBe("false");
    expect(await page.locator("#heartColor-picker").inputValue()).toBe("#a1b2c3");
  });

  it("copies the OBS URL of the key's last widget, with the caveat for a widget not made on Pulsoid", async () => {
    const { page, key, d } = await openInspector(signedIn, { name: "Stream {counter}" });
    await expect.poll(() => page.locator("#status").textContent()).toBe("Signed in");
    expect(await shown(page, "#copy-url")).toBe(false);
    d.host.press(key);
    await d.host.nextCommand("showOk", key);
    const [widget] = d.emulator.widgets();
    const url = `https://pulsoid.net/widget/view/${widget?.id}`;
    await expect.poll(() => page.locator("#last-url").inputValue()).toBe(url);
    expect(await page.locator("#last-widget").textContent()).toBe("Stream 1");
    const caveat = widgetUrlCaveat(d.emulator.url);
    expect(caveat).toBeTruthy();
    expect(await page.locator("#url-caveat").textContent()).toBe(caveat);

    await page.click("#copy-url");
    await expect.poll(() => page.locator("#copy-result").textContent()).toMatch(/^Copied/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await screenshot(page, "5-last-widget");
  });

  it("looks like Stream Deck with styling loaded from the plugin folder, and nothing from the network", async () => {
    const { page, d } = await openInspector(signedIn, { name: "x" });
    await expect.poll(() => page.locator("#status").textContent()).toBe("Signed in");
    const look = await page.evaluate(() => {
      const label = document.querySelector(".sdpi-item-label") as HTMLElement;
      const body = getComputedStyle(document.body);
      return {
        background: body.backgroundColor,
        fontSize: body.fontSize,
        labelWidth: label.getBoundingClientRect().width,
        sheets: Array.from(document.styleSheets, (sheet) => sheet.href?.split("/").pop()),
      };
    });
    expect(look).toEqual({
      background: "rgb(45, 45, 45)",
      fontSize: "12px",
      labelWidth: 95,
      sheets: ["sdpi.css", "create-widget.css"],
    });
    const uiDir = pathToFileURL(join(d.pluginDir, "ui")).href;
    expect(requested).toEqual(expect.arrayContaining([`${uiDir}/sdpi.css`, `${uiDir}/create-widget.css`]));
    expect(requested.filter((url) => !url.startsWith(`${uiDir}/`))).toEqual([]);
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
    expect(await shown(page, "#open-last")).toBe(false);
    expect(await shown(page, "#copy-url")).toBe(false);

    await page.fill("#name", "Fixed");
    await expect.poll(() => inspectorSaves(d).at(-1)).toEqual({ name: "Fixed", obs: { add: false } });
  });

  it("offers Add to OBS, and after Test connection lists OBS's scenes with the current program scene first", async () => {
    const nobody = await closedObsAddress();
    const { page, key, d } = await openInspector(
      {
        globalSettings: (emulator) => ({
          token: emulator.seedToken({ scopes: ["widgets:read", "widgets:update"] }),
          obsUrl: nobody,
        }),
      },
      { name: "Stream {counter}" },
    );
    await expect.poll(() => page.locator("#status").textContent()).toBe("Signed in");
    expect(await shown(page, "#obsAdd")).toBe(true);
    expect(await page.locator("#obsAdd").isChecked()).toBe(false);
    expect(await shown(page, "#obsScene-row")).toBe(false);
    await expect.poll(() => page.locator("#obsPassword").getAttribute("placeholder")).toBe("none");

    // OBS is not running at the saved address: the Scene field is a text field saying why
    expect(await page.locator("#obsUrl").inputValue()).toBe(nobody);
    await page.check("#obsAdd");
    await expect.poll(() => inspectorSaves(d).at(-1)?.obs).toEqual({ add: true });
    await expect
      .poll(() => page.locator("#obsScene-note").textContent())
      .toMatch(`Could not get the scenes from OBS. Could not reach OBS at ${nobody}. Start OBS`);
    expect(await shown(page, "#obsSceneText")).toBe(true);
    expect(await shown(page, "#obsScene")).toBe(false);

    await page.fill("#obsUrl", obs.url);
    await page.fill("#obsPassword", OBS_PASSWORD);
    await page.click("#test-obs");
    await expect.poll(() => shown(page, "#obsScene")).toBe(true);
    expect(await page.locator("#obsScene option").allTextContents()).toEqual([
      'Current program scene (now "Gameplay")',
      "Gameplay",
      "BRB",
      "Starting soon",
    ]);
    expect(await page.locator("#obsScene").inputValue()).toBe("");
    expect(await page.locator("#obs-status").textContent()).toBe('Connected to OBS: 3 scenes, "Gameplay" on air.');
    // the password left the field for the plugin's global settings; the page only knows one is saved
    expect(await page.locator("#obsPassword").inputValue()).toBe("");
    expect(await page.locator("#obsPassword").getAttribute("placeholder")).toBe("saved (hidden)");
    expect(await shown(page, "#forget-obs-password")).toBe(true);
    expect(d.host.globalSettings).toMatchObject({ obsUrl: obs.url, obsPassword: OBS_PASSWORD });
    expect(inspectorSaves(d, "setGlobalSettings")).toEqual([]);

    await page.selectOption("#obsScene", "BRB");
    await expect.poll(() => inspectorSaves(d).at(-1)?.obs).toEqual({ add: true, scene: "BRB" });
    await screenshot(page, "7-obs");

    d.host.press(key);
    await d.host.nextCommand("showOk", key);
    const [widget] = d.emulator.widgets();
    await expect
      .poll(() => page.locator("#press-obs").textContent())
      .toBe('Added to OBS: the browser source "Stream 1" in the scene "BRB".');
    expect(obs.scenes().find((scene) => scene.sceneName === "BRB")?.sources).toContain("Stream 1");
    expect(obs.inputs().find((input) => input.inputName === "Stream 1")?.inputSettings.url).toBe(
      `https://pulsoid.net/widget/view/${widget?.id}`,
    );
    expect(JSON.stringify(d.host.commands("sendToPropertyInspector"))).not.toContain(OBS_PASSWORD);
    expect(JSON.stringify(inspectorSaves(d))).not.toContain(OBS_PASSWORD);
    expect(await page.content()).not.toContain(OBS_PASSWORD);
  });
});

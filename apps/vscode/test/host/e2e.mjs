// the packaged .vsix in code-server, driven through the real UI in headless chromium: the command
// palette, the input box and the quick picks a user sees
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { installVsix, launchBrowser, startCodeServer } from "./code-server.mjs";

const TIMEOUT = 60_000;

async function hook(emulatorUrl, method, path, body) {
  const response = await fetch(`${emulatorUrl}/__emulator${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`emulator ${method} ${path} answered ${response.status}`);
  return response.json();
}

/** every file under dir (symlinks not followed) */
function filesUnder(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...filesUnder(path));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

/** runs a palette command: opens the palette until the command is listed (extensions register late), then Enter */
async function runFromPalette(page, title) {
  const deadline = Date.now() + TIMEOUT;
  for (;;) {
    await page.keyboard.press("Escape");
    await page.keyboard.press("F1");
    const input = page.locator(".quick-input-widget .quick-input-box input");
    await input.waitFor({ state: "visible", timeout: 10_000 });
    await input.fill(`>${title}`);
    const row = page.locator(".quick-input-widget .monaco-list-row", { hasText: title }).first();
    try {
      await row.waitFor({ state: "visible", timeout: 3000 });
      await page.keyboard.press("Enter");
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`"${title}" never appeared in the command palette: ${error.message}`);
    }
  }
}

/** waits until the quick input shows this text (a title, prompt or item) */
async function waitForQuickInput(page, text) {
  await page.locator(".quick-input-widget", { hasText: text }).first().waitFor({ state: "visible", timeout: TIMEOUT });
}

async function waitForNotification(page, text) {
  const toast = page.locator(".notifications-toasts .notification-toast", { hasText: text }).first();
  await toast.waitFor({ state: "visible", timeout: TIMEOUT });
  return ((await toast.textContent()) ?? "").trim();
}

/**
 * installs the .vsix, sets a token and creates a widget through the command palette; returns the
 * outcomes to report (each {title, state, error?})
 */
export async function runEndToEnd({ vsix, emulatorUrl, screenshotDir }) {
  const outcomes = [];
  const check = async (title, fn) => {
    try {
      await fn();
      outcomes.push({ title: `ui: ${title}`, state: "passed" });
    } catch (error) {
      outcomes.push({ title: `ui: ${title}`, state: "failed", error: error?.stack ?? String(error) });
    }
  };
  await hook(emulatorUrl, "POST", "/reset", {});
  const token = (await hook(emulatorUrl, "POST", "/tokens", { scopes: ["widgets:read", "widgets:update"] })).token;
  const server = await startCodeServer({
    keepHome: true,
    settings: { "pulsekit.apiBaseUrl": emulatorUrl, "pulsekit.oauthBaseUrl": emulatorUrl },
    beforeStart: (dirs) => installVsix(vsix, dirs.extensions),
  });
  let browser;
  try {
    browser = await launchBrowser();
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(`${server.url}/?folder=${encodeURIComponent(server.dirs.workspace)}`);
    await page.locator(".monaco-workbench").waitFor({ state: "visible", timeout: TIMEOUT });

    let created = false;
    await check("sets an access token and creates a widget through the command palette", async () => {
      await runFromPalette(page, "Pulsoid: Set Access Token");
      await waitForQuickInput(page, "Set Access Token");
      // the token box hides what is typed
      await page
        .locator('.quick-input-widget .quick-input-box input[type="password"]')
        .waitFor({ state: "visible", timeout: 10_000 });
      await page.keyboard.type(token);
      await page.keyboard.press("Enter");
      await waitForNotification(page, "Signed in to Pulsoid");

      await runFromPalette(page, "Pulsoid: Create Widget");
      await waitForQuickInput(page, "Classic heart");
      await page.keyboard.press("Enter");
      await waitForQuickInput(page, "Widget name");
      await page.keyboard.press("ControlOrMeta+A");
      await page.keyboard.type("Palette widget");
      await page.keyboard.press("Enter");
      await waitForQuickInput(page, "Create widget");
      await page.screenshot({ path: join(screenshotDir, "vscode-create-review.png") });
      await page.keyboard.press("Enter");
      const toast = await waitForNotification(page, "Created the Pulsoid widget");
      if (!toast.includes("Palette widget")) throw new Error(`unexpected notification: ${toast}`);
      await page.screenshot({ path: join(screenshotDir, "vscode-create-done.png") });
      created = true;
    });

    await check("the emulator received exactly one create, with the classic preset", async () => {
      if (!created) throw new Error("the widget was not created through the UI");
      const requests = await hook(emulatorUrl, "GET", "/requests");
      const creates = requests.filter((r) => r.method === "POST" && r.path === "/api/v1/widgets");
      if (creates.length !== 1) throw new Error(`expected one create, the emulator logged ${creates.length}`);
      const body = creates[0].body;
      if (body?.name !== "Palette widget" || body?.configuration?.heartEnabled !== true) {
        throw new Error(`unexpected create body ${JSON.stringify(body)}`);
      }
    });

    // let the log channel reach its file before looking at the disk
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await check(
      "the token is nowhere in plain text under code-server's folders, the Pulsoid log included",
      async () => {
        const files = filesUnder(server.dirs.home);
        const leaks = files.filter((file) => statSync(file).size < 50_000_000 && readFileSync(file).includes(token));
        if (leaks.length > 0) throw new Error(`the token is in plain text in ${leaks.join(", ")}`);
        const logs = files.filter((file) => /Pulsoid\.log$/.test(file));
        if (logs.length === 0) throw new Error("the Pulsoid log channel file was not found under the user-data folder");
        const log = logs.map((file) => readFileSync(file, "utf8")).join("\n");
        if (!/POST \/api\/v1\/widgets 20\d/.test(log))
          throw new Error(`the Pulsoid log lacks the create request:\n${log}`);
      },
    );
  } finally {
    await browser?.close().catch(() => undefined);
    await server.close();
    const { rmSync } = await import("node:fs");
    rmSync(server.dirs.home, { recursive: true, force: true });
  }
  return outcomes;
}

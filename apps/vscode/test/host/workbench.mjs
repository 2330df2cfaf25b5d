// driving code-server's workbench in chromium the way a person does, and the emulator's hooks
import { readdirSync } from "node:fs";
import { join } from "node:path";

/** how long one UI step may take */
export const TIMEOUT = 60_000;

/** calls one of the emulator's /__emulator hooks */
export async function hook(emulatorUrl, method, path, body) {
  const response = await fetch(`${emulatorUrl}/__emulator${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`emulator ${method} ${path} answered ${response.status}`);
  return response.json();
}

/** polls check until it returns a value (not undefined), or fails naming what it waited for */
export async function waitFor(what, check, timeoutMs = TIMEOUT) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** every file under dir (symlinks not followed) */
export function filesUnder(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...filesUnder(path));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

/**
 * runs a palette command: opens the palette until the command is listed (extensions register late),
 * then presses Enter; `beforeEnter` runs right before the key press (for timing)
 */
export async function runFromPalette(page, title, beforeEnter) {
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
      beforeEnter?.();
      await page.keyboard.press("Enter");
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`"${title}" never appeared in the command palette: ${error.message}`);
    }
  }
}

/** waits until the quick input shows this text (a title, prompt or item) */
export async function waitForQuickInput(page, text) {
  await page.locator(".quick-input-widget", { hasText: text }).first().waitFor({ state: "visible", timeout: TIMEOUT });
}

/**
 * waits for a notification containing text, as a toast or, when VS Code keeps it out of the toasts (it
 * does at times, e.g. while a dialog is open or toasts come in quick succession), in the notification
 * centre the bell opens, which lists every notification; resolves to its text
 */
export async function waitForNotification(page, text) {
  const toast = page.locator(".notifications-toasts .notification-toast", { hasText: text }).first();
  const shown = await toast.waitFor({ state: "visible", timeout: 15_000 }).then(
    () => true,
    () => false,
  );
  if (shown) return ((await toast.textContent()) ?? "").trim();
  await runFromPalette(page, "Notifications: Show Notifications");
  const listed = page.locator(".notifications-center .notification-list-item", { hasText: text }).first();
  await listed.waitFor({ state: "visible", timeout: TIMEOUT - 15_000 });
  const found = ((await listed.textContent()) ?? "").trim();
  // the centre has focus once shown: Escape closes it
  await page.keyboard.press("Escape");
  return found;
}

/** a new page on code-server's workbench, once it is on screen */
export async function openWorkbench(browser, server) {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await page.goto(`${server.url}/?folder=${encodeURIComponent(server.dirs.workspace)}`);
  await page.locator(".monaco-workbench").waitFor({ state: "visible", timeout: TIMEOUT });
  return page;
}

/** Pulsoid: Set Access Token from the palette, typed into its password box, until "Signed in" shows */
export async function setTokenThroughPalette(page, token) {
  await runFromPalette(page, "Pulsoid: Set Access Token");
  await waitForQuickInput(page, "Set Access Token");
  // the token box hides what is typed
  await page
    .locator('.quick-input-widget .quick-input-box input[type="password"]')
    .waitFor({ state: "visible", timeout: 10_000 });
  await page.keyboard.type(token);
  await page.keyboard.press("Enter");
  await waitForNotification(page, "Signed in to Pulsoid");
}

/**
 * whether the command palette lists a command with exactly this title; give extensions time to register
 * (and context keys to settle) before asking whether one is absent
 */
export async function paletteLists(page, title) {
  await page.keyboard.press("Escape");
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget .quick-input-box input");
  await input.waitFor({ state: "visible", timeout: 10_000 });
  await input.fill(`>${title}`);
  // the list filters as it is typed: let it settle before reading it
  await page.waitForTimeout(800);
  const labels = await page.locator(".quick-input-widget .monaco-list-row .label-name").allInnerTexts();
  await page.keyboard.press("Escape");
  return labels.some((label) => label.replace(/\s+/g, " ").trim() === title);
}

/** opens the Pulsoid view from its icon in the activity bar (unless it is open); resolves to the side bar */
export async function openPulsoidView(page) {
  const sidebar = page.locator(".part.sidebar");
  const title = sidebar.locator(".composite.title", { hasText: /pulsoid/i }).first();
  if (!(await title.isVisible().catch(() => false))) {
    const icon = page.locator(".part.activitybar").getByRole("tab", { name: /^Pulsoid/ });
    await icon.first().waitFor({ state: "visible", timeout: TIMEOUT });
    await icon.first().click();
  }
  await title.waitFor({ state: "visible", timeout: TIMEOUT });
  return sidebar;
}

import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { DEVICE_ID, type Message, REGISTRATION_INFO } from "../support/stream-deck-host.js";
import type { Deck } from "./setup.js";

/** what the browser tests watch on an inspector page: the URLs it requested and the errors it threw */
export interface PageWatch {
  requested: string[];
  pageErrors: string[];
}

/**
 * opens a key's property inspector the way the app does: in a panel-sized page, load the page, then call
 * connectElgatoStreamDeckSocket with the host's port and the key's action info
 */
export async function connectInspectorPage(
  browser: Browser,
  d: Deck,
  inspector: { file: string; action: string; key: string; settings: Message; clipboard?: boolean },
  watch: PageWatch,
): Promise<{ context: BrowserContext; page: Page }> {
  // about the size of the app's inspector panel
  const context = await browser.newContext({ viewport: { width: 420, height: 640 } });
  // the page may use the clipboard, as in the app
  if (inspector.clipboard) await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const page = await context.newPage();
  watch.requested.length = 0;
  page.on("request", (request) => watch.requested.push(request.url()));
  page.on("pageerror", (error) => watch.pageErrors.push(String(error)));
  await page.goto(pathToFileURL(join(d.pluginDir, "ui", inspector.file)).href);
  const actionInfo = {
    action: inspector.action,
    context: inspector.key,
    device: DEVICE_ID,
    payload: { settings: inspector.settings, coordinates: { column: 0, row: 0 } },
  };
  await page.evaluate(
    ([port, uuid, info, action]) =>
      (
        window as unknown as { connectElgatoStreamDeckSocket: (...args: unknown[]) => void }
      ).connectElgatoStreamDeckSocket(port, uuid, "registerPropertyInspector", info, action),
    [d.host.port, inspector.key, JSON.stringify(REGISTRATION_INFO), JSON.stringify(actionInfo)] as const,
  );
  return { context, page };
}

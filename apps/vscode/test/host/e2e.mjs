// the packaged .vsix in code-server, driven through the real UI in headless chromium: the command
// palette, the input box and the quick picks a user sees
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startFakeObs } from "@pulsekit/obs/fake";
import { installVsix, launchBrowser, startCodeServer } from "./code-server.mjs";
import {
  filesUnder,
  hook,
  openPulsoidView,
  openWorkbench,
  paletteLists,
  runFromPalette,
  setTokenThroughPalette,
  TIMEOUT,
  waitFor,
  waitForNotification,
  waitForQuickInput,
} from "./workbench.mjs";

/** the ends of code-server's own output and of the extension host's log, for a failure message */
function hostLogs(server) {
  const exthost = filesUnder(server.dirs.home)
    .filter((file) => /exthost\d*\.log$|remoteexthost\.log$|remoteagent\.log$/.test(file))
    .map((file) => `${file}:\n${readFileSync(file, "utf8").slice(-2500)}`)
    .join("\n");
  return `code-server output:\n${server.log.join("").slice(-2500)}\n${exthost}`;
}

/**
 * installs the .vsix, sets a token and creates a widget through the command palette; returns the
 * outcomes to report (each {title, state, error?})
 */
export async function runEndToEnd({ vsix, emulatorUrl, screenshotDir }) {
  const outcomes = [];
  let page;
  const check = async (title, fn) => {
    try {
      await fn();
      outcomes.push({ title: `ui: ${title}`, state: "passed" });
    } catch (error) {
      const shot = join(screenshotDir, `vscode-failed-${outcomes.length + 1}.png`);
      await page?.screenshot({ path: shot }).catch(() => undefined);
      outcomes.push({ title: `ui: ${title}`, state: "failed", error: `${error?.stack ?? error}\nscreenshot: ${shot}` });
    }
  };
  await hook(emulatorUrl, "POST", "/reset", {});
  const token = (
    await hook(emulatorUrl, "POST", "/tokens", {
      scopes: ["widgets:read", "widgets:update", "data:heart_rate:read"],
    })
  ).token;
  // OBS with a password, which must end up nowhere on disk in plain text either
  const obsPassword = `obs-e2e-${Math.random().toString(36).slice(2)}`;
  const obs = await startFakeObs({ password: obsPassword, scenes: ["Gameplay", "BRB"] });
  const server = await startCodeServer({
    keepHome: true,
    settings: {
      "pulsekit.apiBaseUrl": emulatorUrl,
      "pulsekit.oauthBaseUrl": emulatorUrl,
      "pulsekit.oauthClientId": "pulsekit-vscode-e2e",
    },
    beforeStart: (dirs) => {
      // a machine-scoped setting: in code-server's remote window it is read from the Machine settings
      mkdirSync(join(dirs.userData, "Machine"), { recursive: true });
      writeFileSync(join(dirs.userData, "Machine", "settings.json"), JSON.stringify({ "pulsekit.obs.url": obs.url }));
      return installVsix(vsix, dirs.extensions);
    },
  });
  let browser;
  try {
    browser = await launchBrowser();
    page = await openWorkbench(browser, server);

    await check(
      "signed out, the Pulsoid view in the activity bar offers Sign In and Set Access Token, and the palette has no Sign Out",
      async () => {
        const sidebar = await openPulsoidView(page);
        const welcome = sidebar.locator(".welcome-view-content").first();
        for (const name of ["Sign In", "Set Access Token"]) {
          await welcome
            .locator(".monaco-button", { hasText: name })
            .first()
            .waitFor({ state: "visible", timeout: TIMEOUT });
        }
        const text = (await welcome.textContent()) ?? "";
        for (const words of ["pulsekit.oauthClientId", "pulsoid.net/ui/keys", "BRO plan"]) {
          if (!text.includes(words)) throw new Error(`the welcome view does not say "${words}": ${text}`);
        }
        await page.screenshot({ path: join(screenshotDir, "vscode-view-signed-out.png") });
        if (!(await paletteLists(page, "Pulsoid: Sign In"))) throw new Error("Pulsoid: Sign In is not in the palette");
        if (await paletteLists(page, "Pulsoid: Sign Out"))
          throw new Error("Pulsoid: Sign Out is in the palette while signed out");
      },
    );

    let created = false;
    await check("sets an access token and creates a widget through the command palette", async () => {
      await setTokenThroughPalette(page, token);

      await runFromPalette(page, "Pulsoid: Create Widget");
      await waitForQuickInput(page, "Classic heart");
      await page.keyboard.press("Enter");
      await waitForQuickInput(page, "Widget name");
      await page.keyboard.press("ControlOrMeta+A");
      await page.keyboard.type("Palette widget");
      await page.keyboard.press("Enter");
      await waitForQuickInput(page, "Create widget");
      // the quick pick beside the Pulsoid view, for the README
      await page.screenshot({
        path: join(screenshotDir, "vscode-create-review.png"),
        clip: { x: 0, y: 0, width: 960, height: 240 },
        animations: "disabled",
      });
      await page.keyboard.press("Enter");
      const toast = await waitForNotification(page, "Created the Pulsoid widget").catch(async (error) => {
        const seen = (await hook(emulatorUrl, "GET", "/requests")).map((r) => `${r.method} ${r.path} ${r.status}`);
        const log = filesUnder(server.dirs.home)
          .filter((file) => /Pulsoid\.log$/.test(file))
          .map((file) => readFileSync(file, "utf8"))
          .join("\n");
        const focused = await page.evaluate(() => {
          const element = document.activeElement;
          const box = element?.getBoundingClientRect();
          return `${element?.tagName}.${element?.className} at ${Math.round(box?.left ?? 0)},${Math.round(box?.top ?? 0)}`;
        });
        await page.keyboard.press("Escape");
        await runFromPalette(page, "Notifications: Show Notifications").catch(() => undefined);
        await page.screenshot({ path: join(screenshotDir, "vscode-failed-notifications.png") });
        const center = await page
          .locator(".notifications-center .notification-list-item-message")
          .allInnerTexts()
          .catch(() => []);
        throw new Error(
          `${error.message}\nthe emulator saw: ${seen.join(", ") || "nothing"}\nPulsoid log:\n${log.slice(-1500)}\nfocus: ${focused}\n${hostLogs(server)}\nnotification centre: ${center.join(" | ")}`,
        );
      });
      if (!toast.includes("Palette widget")) throw new Error(`unexpected notification: ${toast}`);
      await page.screenshot({ path: join(screenshotDir, "vscode-create-done.png") });
      // the notification on its own once the progress toast has gone, for the README
      const toasts = page.locator(".notifications-toasts .notification-toast");
      await toasts
        .filter({ hasText: "creating" })
        .waitFor({ state: "hidden", timeout: 10_000 })
        .catch(() => undefined);
      const done = toasts.filter({ hasText: "Created the Pulsoid widget" }).first();
      if (await done.isVisible()) {
        await done.screenshot({ path: join(screenshotDir, "vscode-created-notification.png"), animations: "disabled" });
      }
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

    await check("signed in, the palette offers Sign Out and no longer Sign In", async () => {
      if (!created) throw new Error("the widget was not created through the UI");
      if (!(await paletteLists(page, "Pulsoid: Sign Out"))) throw new Error("Pulsoid: Sign Out is not in the palette");
      if (await paletteLists(page, "Pulsoid: Sign In"))
        throw new Error("Pulsoid: Sign In is in the palette while signed in");
    });

    await check("the Pulsoid view lists the created widget, and its Copy OBS URL button copies the URL", async () => {
      if (!created) throw new Error("the widget was not created through the UI");
      const sidebar = await openPulsoidView(page);
      const row = sidebar.locator(".monaco-list-row", { hasText: "Palette widget" }).first();
      await row.waitFor({ state: "visible", timeout: TIMEOUT });
      const text = (await row.textContent()) ?? "";
      if (!text.includes("Heart rate (BPM)")) throw new Error(`the row does not show the widget type: ${text}`);
      await row.click();
      await row.hover();
      const copy = row.locator('.actions [aria-label^="Copy OBS URL"]').first();
      await copy.waitFor({ state: "visible", timeout: TIMEOUT });
      for (const name of ["Open Widget Page", "Update Widget"]) {
        await row.locator(`.actions [aria-label^="${name}"]`).first().waitFor({ state: "visible", timeout: TIMEOUT });
      }
      const [widget] = (await hook(emulatorUrl, "GET", "/widgets")).widgets;
      // the row's hover names the widget's id and OBS URL
      await row.locator(".label-name").first().hover();
      await page
        .locator(".monaco-hover, .workbench-hover", { hasText: `id ${widget?.id}` })
        .first()
        .waitFor({ state: "visible", timeout: 15_000 });
      await page.screenshot({
        path: join(screenshotDir, "vscode-view-widgets.png"),
        clip: { x: 0, y: 0, width: 760, height: 300 },
      });
      await copy.click();
      const said = await waitForNotification(page, "Copied the OBS browser-source URL");
      if (!said.includes(`https://pulsoid.net/widget/view/${widget?.id}`))
        throw new Error(`unexpected notification: ${said}`);
    });

    await check(
      "the row's Add Widget to OBS button asks for OBS's password once and puts the widget into the scene on air",
      async () => {
        if (!created) throw new Error("the widget was not created through the UI");
        const sidebar = await openPulsoidView(page);
        const row = sidebar.locator(".monaco-list-row", { hasText: "Palette widget" }).first();
        await row.waitFor({ state: "visible", timeout: TIMEOUT });
        await row.hover();
        const add = row.locator('.actions [aria-label^="Add Widget to OBS"]').first();
        await add.waitFor({ state: "visible", timeout: TIMEOUT });
        await add.click();
        await waitForQuickInput(page, "asks for a password");
        const box = page.locator(".quick-input-widget input[type='password']").first();
        await box.waitFor({ state: "visible", timeout: TIMEOUT });
        await box.fill(obsPassword);
        await page.keyboard.press("Enter");
        const said = await waitForNotification(page, 'Added "Palette widget" to the OBS scene "Gameplay"');
        if (said.includes(obsPassword)) throw new Error("the OBS password is in the notification");
        const [widget] = (await hook(emulatorUrl, "GET", "/widgets")).widgets;
        const creates = obs.requests().filter((request) => request.requestType === "CreateInput");
        const url = creates[0]?.requestData?.inputSettings?.url;
        if (creates.length !== 1 || url !== `https://pulsoid.net/widget/view/${widget?.id}`)
          throw new Error(`OBS got ${JSON.stringify(creates)}`);
        // kept: a second click asks nothing and updates the same source
        await row.hover();
        await add.click();
        await waitForNotification(page, 'Updated the OBS source "Palette widget"');
        if (obs.inputs().length !== 1) throw new Error(`OBS has ${obs.inputs().length} sources`);
      },
    );

    await check("Pulsoid: Get Started opens the walkthrough with sign-in, create and OBS done", async () => {
      if (!created) throw new Error("the widget was not created through the UI");
      // room for the step's picture beside the steps
      await runFromPalette(page, "View: Close Primary Side Bar");
      await runFromPalette(page, "Pulsoid: Get Started");
      await page.getByText("Get Started with PulseKit").first().waitFor({ state: "visible", timeout: TIMEOUT });
      for (const [id, title] of [
        ["signIn", "Sign in to Pulsoid"],
        ["createWidget", "Create a widget"],
        ["addToObs", "Add it to OBS"],
      ]) {
        const step = page.locator(`button.getting-started-step[data-step-id$="${id}"]`).first();
        await step.waitFor({ state: "visible", timeout: TIMEOUT });
        if (!((await step.textContent()) ?? "").includes(title)) throw new Error(`step ${id} is not titled "${title}"`);
        const done = await step.getAttribute("aria-checked");
        if (done !== "true")
          throw new Error(`the walkthrough step "${title}" is not marked done (aria-checked ${done})`);
      }
      await page.locator('button.getting-started-step[data-step-id$="addToObs"]').first().click();
      await page
        .getByText("Add a Browser source", { exact: false })
        .first()
        .waitFor({ state: "visible", timeout: TIMEOUT });
      // the step's page (a webview beside the steps) shows how to add the browser source
      await waitFor("the walkthrough to show how to add the widget to OBS", async () => {
        for (const frame of page.frames()) {
          const shown = await frame
            .getByText("Add the widget to OBS", { exact: true })
            .isVisible()
            .catch(() => false);
          if (shown) return true;
        }
        return undefined;
      });
      await page.screenshot({ path: join(screenshotDir, "vscode-walkthrough.png") });
      // closed with its tab's button: keys pressed while its page has focus would not reach the palette
      const tab = page.locator('.tabs-container [role="tab"]', { hasText: "Welcome" }).first();
      await tab.hover();
      await tab.getByRole("button", { name: /^Close/ }).click();
      await tab.waitFor({ state: "detached", timeout: TIMEOUT });
    });

    await check("updates that widget through the palette, pressing Enter the moment each step shows", async () => {
      if (!created) throw new Error("the widget was not created through the UI");
      await runFromPalette(page, "Pulsoid: Update Widget");
      await waitForQuickInput(page, "Update Widget (1/2)");
      await waitForQuickInput(page, "Palette widget");
      await page.keyboard.press("Enter");
      await waitForQuickInput(page, "Update Widget (2/2)");
      await waitForQuickInput(page, "Apply changes");
      await waitForQuickInput(page, "Heart: shown");
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Enter");
      await waitForQuickInput(page, "Heart: hidden");
      await page.keyboard.press("Enter");
      await waitForNotification(page, 'Updated the Pulsoid widget "Palette widget"').catch((error) => {
        throw new Error(`${error.message}\n${hostLogs(server)}`);
      });
      const [widget] = (await hook(emulatorUrl, "GET", "/widgets")).widgets;
      if (widget?.configuration?.heartEnabled !== false) {
        throw new Error(`the heart is still on: ${JSON.stringify(widget?.configuration)}`);
      }
    });

    await check(
      "Toggle Heart Rate in Status Bar shows each reading there, the top zone on the theme's error background, again after a reload, and off closes the stream",
      async () => {
        await runFromPalette(page, "Pulsoid: Toggle Heart Rate in Status Bar");
        const item = page.locator(".part.statusbar .statusbar-item", { has: page.locator(".codicon-heart") }).first();
        await item.waitFor({ state: "visible", timeout: TIMEOUT });
        await waitFor("the live stream to open", async () =>
          (await hook(emulatorUrl, "GET", "/real-time")).connections === 1 ? true : undefined,
        );
        // sends the reading until the item shows it: after a reload the new window's stream opens a moment later
        const showing = async (bpm) => {
          await waitFor(`${bpm} in the status bar`, async () => {
            if (((await item.textContent()) ?? "").trim() === String(bpm)) return true;
            await hook(emulatorUrl, "POST", "/heart-rate", { bpm });
            return undefined;
          });
          return item.evaluate((element) => getComputedStyle(element).backgroundColor);
        };
        const calm = await showing(72);
        await page.locator(".part.statusbar").screenshot({ path: join(screenshotDir, "vscode-heart-rate-72.png") });
        const peak = await showing(182);
        if (peak === calm) throw new Error(`182 bpm has the same background as 72 bpm (${calm})`);
        const box = await page.locator(".part.statusbar").boundingBox();
        if (box) {
          await page.screenshot({
            path: join(screenshotDir, "vscode-heart-rate.png"),
            clip: { x: box.x + box.width - 420, y: box.y - 2, width: 420, height: box.height + 2 },
          });
        }
        // on at start-up: a new window shows it again once PulseKit has activated and loaded the rest
        await page.reload();
        await page.locator(".monaco-workbench").waitFor({ state: "visible", timeout: TIMEOUT });
        await item.waitFor({ state: "visible", timeout: TIMEOUT });
        await showing(90);
        await runFromPalette(page, "Pulsoid: Toggle Heart Rate in Status Bar");
        await item.waitFor({ state: "detached", timeout: TIMEOUT });
        await waitFor("the live stream to close", async () =>
          (await hook(emulatorUrl, "GET", "/real-time")).connections === 0 ? true : undefined,
        );
      },
    );

    // last: headless chromium stops running the workbench's animation frames (where VS Code shows
    // notification toasts) once the approval page, a second tab, has been opened and closed
    await check("signs in through Pulsoid's approval page opened from the command palette", async () => {
      const popup = page.context().waitForEvent("page", { timeout: TIMEOUT });
      // awaited below; a failure before that must not leave it rejecting unhandled
      popup.catch(() => undefined);
      // signed in with the token, the palette offers Sign Out only: sign out first, as a user switching does
      await runFromPalette(page, "Pulsoid: Sign Out");
      await waitForNotification(page, "Signed out of Pulsoid");
      // the earlier "Signed in" message (from the access token) must not count for this sign-in
      await runFromPalette(page, "Notifications: Clear All Notifications");
      await runFromPalette(page, "Pulsoid: Sign In");
      // VS Code may ask before opening the website (it trusts local addresses such as the emulator's)
      const open = page.locator(".monaco-dialog-box").getByRole("button", { name: "Open", exact: true });
      const asked = open.waitFor({ state: "visible", timeout: TIMEOUT }).then(
        () => true,
        () => false,
      );
      const first = await Promise.race([popup.then(() => "page"), asked.then((shown) => (shown ? "dialog" : "none"))]);
      if (first === "dialog") await open.click();
      const consent = await popup;
      await consent.waitForLoadState();
      const code = await waitForNotification(page, "sign-in code is");
      const userCode = /sign-in code is (\S+)/.exec(code)?.[1];
      if (!userCode || !(await consent.content()).includes(userCode)) {
        throw new Error(`the approval page does not show the code from "${code}"`);
      }
      await consent.getByRole("button", { name: "Allow" }).click();

      await waitForNotification(page, "Signed in to Pulsoid as emulator-user");
      await page.screenshot({ path: join(screenshotDir, "vscode-signed-in.png") });
      // the code was shown in the sign-in's progress notification, which closes with the sign-in
      await page
        .locator(".notifications-toasts .notification-toast", { hasText: userCode })
        .first()
        .waitFor({ state: "detached", timeout: 15_000 })
        .catch(() => {
          throw new Error(`the notification with the code ${userCode} is still shown after signing in`);
        });
      await consent.close();
      // the approval page opened as a new tab in front of the workbench; come back to it, as a user does
      await page.bringToFront();
    });

    await check(
      "the token and the OBS password are nowhere in plain text under code-server's folders, the Pulsoid log included",
      async () => {
        // the log channel reaches its file a moment after the notification: wait for the create to show there
        const log = await waitFor("the Pulsoid log file to record the create request", () => {
          const text = filesUnder(server.dirs.home)
            .filter((file) => /Pulsoid\.log$/.test(file))
            .map((file) => readFileSync(file, "utf8"))
            .join("\n");
          return /POST \/api\/v1\/widgets -> 20\d/.test(text) ? text : undefined;
        });
        if (log.includes(token)) throw new Error("the token is in the Pulsoid log");
        if (log.includes(obsPassword)) throw new Error("the OBS password is in the Pulsoid log");
        const files = filesUnder(server.dirs.home);
        for (const [what, secret] of [
          ["token", token],
          ["OBS password", obsPassword],
        ]) {
          const leaks = files.filter((file) => statSync(file).size < 50_000_000 && readFileSync(file).includes(secret));
          if (leaks.length > 0) throw new Error(`the ${what} is in plain text in ${leaks.join(", ")}`);
        }
      },
    );
  } finally {
    await browser?.close().catch(() => undefined);
    await server.close();
    await obs.close();
    rmSync(server.dirs.home, { recursive: true, force: true });
  }
  return outcomes;
}

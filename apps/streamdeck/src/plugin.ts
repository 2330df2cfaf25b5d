import streamDeck from "@elgato/streamdeck";
import { createDeviceSignIn, createPulsoidClient, describeError } from "@pulsekit/core";
import { CreateWidgetAction } from "./actions/create-widget.js";
import { type GlobalSettings, pluginEndpoints, tokenOf } from "./endpoints.js";
import { createGlobalSettingsStore } from "./global-settings-store.js";
import type { InspectorRequest, PluginMessage } from "./inspector-messages.js";
import { createSignInSession } from "./sign-in-session.js";
import { SIGN_IN_SCOPES, SIGNED_OUT_STATUS, tokenStatus } from "./token-status.js";

// trace level writes every message, settings and token included, to the log files
streamDeck.logger.setLevel("info");

/** how long a press waits for the app to hand over the plugin's settings */
const SETTINGS_TIMEOUT_MS = 3000;

const env = process.env;
const log = (line: string) => streamDeck.logger.info(line);

const globalSettings = createGlobalSettingsStore({
  request: () => streamDeck.settings.getGlobalSettings<GlobalSettings>(),
  save: (settings) => streamDeck.settings.setGlobalSettings(settings),
  timeoutMs: SETTINGS_TIMEOUT_MS,
});

/** tells the open property inspector; with a key id, only when that key's inspector is the open one */
const notifyInspector = (message: PluginMessage, keyId?: string) => {
  if (keyId !== undefined && streamDeck.ui.action?.id !== keyId) return;
  streamDeck.ui.sendToPropertyInspector(message).catch(() => {});
};

async function sendStatus(): Promise<void> {
  // no inspector open: nobody to tell, and no reason to call Pulsoid
  if (!streamDeck.ui.action) return;
  const settings = await globalSettings.get();
  const token = tokenOf(settings);
  if (!token) return notifyInspector(SIGNED_OUT_STATUS);
  notifyInspector({ type: "status", state: "checking", headline: "Checking…", detail: "", missingScopes: [] });
  const client = createPulsoidClient({ token, baseUrl: pluginEndpoints(settings, env).apiBaseUrl, retry: false });
  notifyInspector(await tokenStatus(client));
}

const signIn = createSignInSession({
  create: async () => {
    const endpoints = pluginEndpoints(await globalSettings.get(), env);
    return createDeviceSignIn({
      clientId: endpoints.clientId,
      scopes: SIGN_IN_SCOPES,
      oauthBaseUrl: endpoints.oauthBaseUrl,
    });
  },
  saveToken: async (token) => {
    await globalSettings.update((current) => ({ ...current, token }));
    await sendStatus();
  },
  openUrl: (url) => streamDeck.system.openUrl(url),
  notify: notifyInspector,
  log,
});

async function handleInspectorRequest(request: InspectorRequest): Promise<void> {
  try {
    switch (request.type) {
      case "getStatus":
        return await sendStatus();
      case "signIn":
        // runs until approved, denied or expired; the inspector hears about each step
        void signIn.start();
        return;
      case "cancelSignIn":
        signIn.cancel();
        return;
      case "signOut":
        signIn.cancel();
        await globalSettings.update(({ token: _removed, ...rest }) => rest);
        log("signed out: token removed from the plugin's global settings");
        notifyInspector(SIGNED_OUT_STATUS);
        return;
    }
  } catch (error) {
    log(`inspector request ${request.type} failed: ${describeError(error)}`);
  }
}

streamDeck.settings.onDidReceiveGlobalSettings<GlobalSettings>((ev) => {
  globalSettings.received(ev.settings);
  // e.g. a token pasted in the inspector: tell the open inspector whether Pulsoid accepts it
  void handleInspectorRequest({ type: "getStatus" });
});

streamDeck.actions.registerAction(
  new CreateWidgetAction({ globalSettings, env, handleInspectorRequest, notifyInspector }),
);

await streamDeck.connect();
// warm the settings cache; a press asks again if the app has not answered by then
globalSettings.get().catch(() => log("Stream Deck has not sent the plugin's settings yet; the next press asks again"));

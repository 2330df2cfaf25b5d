import streamDeck from "@elgato/streamdeck";
import { openWebSocketWith } from "@pulsekit/core";
import WebSocket from "ws";
import { createAccount } from "./account.js";
import { CreateWidgetAction } from "./actions/create-widget.js";
import { HeartRateAction } from "./actions/heart-rate.js";
import { createLiveHeartRate } from "./heart-rate/live-heart-rate.js";
import { staleAfterMsFrom } from "./heart-rate/stale-setting.js";
import type { PluginMessage } from "./inspector-messages.js";
import type { JsonObject } from "./json.js";

// trace level writes every message, settings and token included, to the log files
streamDeck.logger.setLevel("info");

/** how long a press waits for the app to hand over the plugin's settings */
const SETTINGS_TIMEOUT_MS = 3000;

const log = (line: string) => streamDeck.logger.info(line);

/** tells the open property inspector; with a key id, only when that key's inspector is the open one */
const notifyInspector = (message: PluginMessage, keyId?: string) => {
  if (keyId !== undefined && streamDeck.ui.action?.id !== keyId) return;
  streamDeck.ui.sendToPropertyInspector(message).catch(() => {});
};

const account = createAccount({
  request: () => streamDeck.settings.getGlobalSettings(),
  save: (settings) => streamDeck.settings.setGlobalSettings(settings as JsonObject),
  timeoutMs: SETTINGS_TIMEOUT_MS,
  env: process.env,
  notify: notifyInspector,
  inspectorOpen: () => streamDeck.ui.action !== undefined,
  openUrl: (url) => streamDeck.system.openUrl(url),
  log,
  openWebSocket: openWebSocketWith(WebSocket),
  staleAfterMs: staleAfterMsFrom(process.env),
});

// one live heart rate for every Heart Rate key and dial: one stream, re-made when the token or host changes
const live = createLiveHeartRate({ source: () => account.heartRate(), log });
account.onChange(() => live.accountChanged());

streamDeck.settings.onDidReceiveGlobalSettings((ev) => account.received(ev.settings));
streamDeck.actions.registerAction(new CreateWidgetAction({ account, notifyInspector }));
streamDeck.actions.registerAction(new HeartRateAction({ live, account, notifyInspector }));

await streamDeck.connect();
// warm the settings cache; a press asks again if the app has not answered by then
account.load().catch(() => log("Stream Deck has not sent the plugin's settings yet; the next press asks again"));

import streamDeck, {
  action,
  type DidReceiveSettingsEvent,
  type KeyDownEvent,
  type PropertyInspectorDidAppearEvent,
  type SendToPluginEvent,
  SingletonAction,
} from "@elgato/streamdeck";
import { isPulsoidError } from "@pulsekit/core";
import { createWidgetFromKey } from "../create-widget-press.js";
import type { GlobalSettingsStore } from "../global-settings-store.js";
import type { InspectorRequest, PluginMessage } from "../inspector-messages.js";
import { parseInspectorRequest } from "../inspector-messages.js";
import type { JsonObject, JsonValue } from "../json.js";
import { createKeyFeedback } from "../key-feedback.js";
import { parseKeySettings } from "../key-settings.js";
import { describePressFailure, SUCCESS_TITLE, titleForError } from "../key-title.js";
import { createPressLock } from "../press-lock.js";
import { withTimeout } from "../with-timeout.js";

/** the longest a press may run before the key gives up and says so */
export const PRESS_LIMIT_MS = 45_000;
/** after a widget is created the key ignores presses this long, so a burst of presses makes one widget */
export const SUCCESS_COOLDOWN_MS = 1500;

/** what the action needs from the rest of the plugin */
export type CreateWidgetServices = {
  globalSettings: GlobalSettingsStore;
  env: Record<string, string | undefined>;
  /** answers the inspector's requests (status, sign-in, sign-out) */
  handleInspectorRequest: (request: InspectorRequest) => Promise<void>;
  /** tells the open inspector; with a key id, only that key's */
  notifyInspector: (message: PluginMessage, keyId?: string) => void;
};

/** the "Create Widget" key: one press creates one Pulsoid widget from the key's settings */
@action({ UUID: "dev.pulsekit.widgets.create" })
export class CreateWidgetAction extends SingletonAction<JsonObject> {
  readonly #services: CreateWidgetServices;
  readonly #lock = createPressLock();
  readonly #feedback = createKeyFeedback();
  // the newest settings per key: a press may start before the app echoes what the plugin stored
  readonly #latest = new Map<string, JsonObject>();

  constructor(services: CreateWidgetServices) {
    super();
    this.#services = services;
  }

  override onDidReceiveSettings(ev: DidReceiveSettingsEvent<JsonObject>): void {
    this.#latest.set(ev.action.id, ev.payload.settings);
  }

  override async onKeyDown(ev: KeyDownEvent<JsonObject>): Promise<void> {
    const key = ev.action;
    const release = this.#lock.tryAcquire(key.id);
    if (!release) return;
    const stopProgress = this.#feedback.progress(key);
    const raw = this.#newest(key.id, ev.payload.settings);
    let cooldownMs = 0;
    // a press that gives up also stops its request
    const stop = new AbortController();
    try {
      const outcome = await withTimeout(
        createWidgetFromKey({
          settings: parseKeySettings(raw),
          globalSettings: () => this.#services.globalSettings.get(),
          env: this.#services.env,
          now: new Date(),
          log: (line) => streamDeck.logger.info(line),
          signal: stop.signal,
        }),
        PRESS_LIMIT_MS,
        "Pulsoid",
      ).finally(() => stop.abort());
      stopProgress();
      const { unfinished: _found, ...rest } = raw;
      const stored: JsonObject = {
        ...rest,
        counter: outcome.settings.counter ?? 0,
        lastWidgetId: outcome.widget.id,
        lastWidgetUrl: outcome.url,
        lastWidgetName: outcome.widget.name,
      };
      this.#latest.set(key.id, stored);
      cooldownMs = SUCCESS_COOLDOWN_MS;
      streamDeck.logger.info(`created widget ${outcome.widget.id} "${outcome.widget.name}"`);
      await key.setSettings(stored);
      await this.#feedback.result(key, SUCCESS_TITLE);
      await key.showOk();
      this.#services.notifyInspector(
        {
          type: "pressResult",
          ok: true,
          detail: `Created "${outcome.widget.name}". Add ${outcome.url} to OBS as a browser source.`,
        },
        key.id,
      );
    } catch (error) {
      stopProgress();
      if (isPulsoidError(error) && error.unfinishedCreate) {
        // the widget may exist: the next press looks for it instead of making a second one
        const kept: JsonObject = { ...raw, unfinished: error.unfinishedCreate as unknown as JsonObject };
        this.#latest.set(key.id, kept);
        await key.setSettings(kept).catch(() => {});
      }
      const detail = describePressFailure(error);
      streamDeck.logger.warn(`press failed: ${detail}`);
      await this.#feedback.result(key, titleForError(error)).catch(() => {});
      await key.showAlert().catch(() => {});
      this.#services.notifyInspector({ type: "pressResult", ok: false, detail }, key.id);
    } finally {
      release(cooldownMs);
    }
  }

  override onPropertyInspectorDidAppear(_ev: PropertyInspectorDidAppearEvent<JsonObject>): Promise<void> {
    return this.#services.handleInspectorRequest({ type: "getStatus" });
  }

  override async onSendToPlugin(ev: SendToPluginEvent<JsonValue, JsonObject>): Promise<void> {
    const request = parseInspectorRequest(ev.payload);
    if (request) await this.#services.handleInspectorRequest(request);
  }

  #newest(id: string, fromEvent: JsonObject): JsonObject {
    const remembered = this.#latest.get(id);
    // the event carries what the app stored; prefer it unless the plugin has stored a newer press since
    if (remembered && Number(remembered.counter ?? 0) > Number(fromEvent.counter ?? 0)) return remembered;
    this.#latest.set(id, fromEvent);
    return fromEvent;
  }
}

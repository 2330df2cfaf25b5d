import streamDeck, {
  action,
  type DidReceiveSettingsEvent,
  type KeyDownEvent,
  type PropertyInspectorDidAppearEvent,
  type SendToPluginEvent,
  SingletonAction,
} from "@elgato/streamdeck";
import { isPulsoidError } from "@pulsekit/core";
import type { Account } from "../account.js";
import { createWidgetFromKey } from "../create-widget-press.js";
import { type PluginMessage, parseInspectorRequest } from "../inspector-messages.js";
import type { JsonObject, JsonValue } from "../json.js";
import { createKeyFeedback } from "../key-feedback.js";
import { keySettingsToStore, parseKeySettings } from "../key-settings.js";
import { describePressFailure, SUCCESS_TITLE, titleForError } from "../key-title.js";
import { createPressLock } from "../press-lock.js";
import { withTimeout } from "../with-timeout.js";

/** the longest a press may run before the key gives up and says so */
export const PRESS_LIMIT_MS = 45_000;
/** after a widget is created the key ignores presses this long, so a burst of presses makes one widget */
export const SUCCESS_COOLDOWN_MS = 1500;

/** what the action needs from the rest of the plugin */
export type CreateWidgetServices = {
  /** the Pulsoid account: a ready client for presses, and the answers to the inspector's requests */
  account: Pick<Account, "client" | "answer">;
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
    const settings = parseKeySettings(raw);
    let cooldownMs = 0;
    // a press that gives up also stops its request
    const stop = new AbortController();
    try {
      const outcome = await withTimeout(
        createWidgetFromKey({
          settings,
          client: () => this.#services.account.client(),
          now: new Date(),
          signal: stop.signal,
        }),
        PRESS_LIMIT_MS,
        "Pulsoid",
      ).finally(() => stop.abort());
      stopProgress();
      const stored = keySettingsToStore(raw, outcome.settings);
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
        const kept = keySettingsToStore(raw, { ...settings, unfinished: error.unfinishedCreate });
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
    return this.#services.account.answer({ type: "getStatus" });
  }

  override async onSendToPlugin(ev: SendToPluginEvent<JsonValue, JsonObject>): Promise<void> {
    const request = parseInspectorRequest(ev.payload);
    if (request) await this.#services.account.answer(request);
  }

  #newest(id: string, fromEvent: JsonObject): JsonObject {
    const remembered = this.#latest.get(id);
    // the event carries what the app stored; prefer it unless the plugin has stored a newer press since
    const counter = (settings: JsonObject) => parseKeySettings(settings).counter ?? 0;
    if (remembered && counter(remembered) > counter(fromEvent)) return remembered;
    this.#latest.set(id, fromEvent);
    return fromEvent;
  }
}

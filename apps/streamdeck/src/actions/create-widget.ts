import {
  action,
  type DidReceiveSettingsEvent,
  type KeyAction,
  type KeyDownEvent,
  type PropertyInspectorDidAppearEvent,
  type SendToPluginEvent,
  SingletonAction,
} from "@elgato/streamdeck";
import { isPulsoidError } from "@pulsekit/core";
import type { Account } from "../account.js";
import { createWidgetFromKey, type PressOutcome } from "../create-widget-press.js";
import { type PluginMessage, parseInspectorRequest } from "../inspector-messages.js";
import type { JsonObject, JsonValue } from "../json.js";
import { createKeyFeedback } from "../key-feedback.js";
import { keySettingsToStore, parseKeySettings } from "../key-settings.js";
import {
  describeObsPlacement,
  describePressFailure,
  SUCCESS_TITLE,
  titleForError,
  titleForObsPlacement,
} from "../key-title.js";
import { type ObsPlacement, placeInObs } from "../place-in-obs.js";
import { createPressLock } from "../press-lock.js";
import { withTimeout } from "../with-timeout.js";

/** the longest a press may run before the key gives up and says so */
export const PRESS_LIMIT_MS = 45_000;
/** after a widget is created the key ignores presses this long, so a burst of presses makes one widget */
export const SUCCESS_COOLDOWN_MS = 1500;

/** what the action needs from the rest of the plugin */
export type CreateWidgetServices = {
  /** the account: a ready Pulsoid client and OBS connection for presses, the answers to the inspector, the log */
  account: Pick<Account, "client" | "obs" | "answer" | "log">;
  /** tells the open inspector; with a key id, only that key's */
  notifyInspector: (message: PluginMessage, keyId?: string) => void;
};

/** the "Create Widget" key: one press creates one Pulsoid widget from the key's settings, then may put it into OBS */
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
    const { account } = this.#services;
    // a press that gives up also stops its request
    const stop = new AbortController();
    let outcome: PressOutcome;
    try {
      outcome = await withTimeout(
        createWidgetFromKey({
          settings,
          client: () => account.client(),
          now: new Date(),
          signal: stop.signal,
        }),
        PRESS_LIMIT_MS,
        "Pulsoid",
      ).finally(() => stop.abort());
    } catch (error) {
      stopProgress();
      if (isPulsoidError(error) && error.unfinishedCreate) {
        // the widget may exist: the next press looks for it instead of making a second one
        const kept = keySettingsToStore(raw, { ...settings, unfinished: error.unfinishedCreate });
        this.#latest.set(key.id, kept);
        await key.setSettings(kept).catch(() => {});
      }
      const detail = describePressFailure(error);
      account.log(`press failed: ${detail}`);
      await this.#feedback.result(key, titleForError(error)).catch(() => {});
      await key.showAlert().catch(() => {});
      this.#services.notifyInspector({ type: "pressResult", ok: false, detail }, key.id);
      release();
      return;
    }
    // the widget exists from here on: the press counts as made, whatever OBS does
    try {
      const stored = keySettingsToStore(raw, outcome.settings);
      this.#latest.set(key.id, stored);
      account.log(`created widget ${outcome.widget.id} "${outcome.widget.name}"`);
      await key.setSettings(stored).catch((error) => account.log(`the key's settings were not stored: ${error}`));
      const placement = settings.obs?.add
        ? await placeInObs({
            obs: settings.obs,
            connection: () => account.obs(),
            widget: { id: outcome.widget.id, name: outcome.widget.name, url: outcome.url },
          })
        : undefined;
      stopProgress();
      await this.#showCreated(key, outcome, placement).catch(() => {});
    } finally {
      stopProgress();
      release(SUCCESS_COOLDOWN_MS);
    }
  }

  /** the key's title and mark, the log line and the inspector's last-widget line after a widget was created */
  async #showCreated(key: KeyAction<JsonObject>, outcome: PressOutcome, placement: ObsPlacement | undefined) {
    const { account } = this.#services;
    const created = `Created "${outcome.widget.name}": ${outcome.url}`;
    if (!placement) {
      await this.#feedback.result(key, SUCCESS_TITLE);
      await key.showOk();
      this.#services.notifyInspector(
        { type: "pressResult", ok: true, detail: `${created}. Add it to OBS as a browser source.` },
        key.id,
      );
      return;
    }
    const obs = { ok: placement.ok, detail: describeObsPlacement(placement) };
    account.log(obs.detail);
    await this.#feedback.result(key, titleForObsPlacement(placement));
    await (placement.ok ? key.showOk() : key.showAlert());
    this.#services.notifyInspector({ type: "pressResult", ok: true, detail: `${created}.`, obs }, key.id);
  }

  override async onPropertyInspectorDidAppear(_ev: PropertyInspectorDidAppearEvent<JsonObject>): Promise<void> {
    await this.#services.account.answer({ type: "getObsSetup" });
    await this.#services.account.answer({ type: "getStatus" });
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

import streamDeck, {
  action,
  type DialAction,
  type DialDownEvent,
  type DidReceiveSettingsEvent,
  type KeyAction,
  type KeyDownEvent,
  type PropertyInspectorDidAppearEvent,
  type SendToPluginEvent,
  SingletonAction,
  type TouchTapEvent,
  type WillAppearEvent,
  type WillDisappearEvent,
} from "@elgato/streamdeck";
import { describeError, type Zone } from "@pulsekit/core";
import type { Account } from "../account.js";
import { dialFeedback } from "../heart-rate/dial-feedback.js";
import { faceFor } from "../heart-rate/face.js";
import { keyImage } from "../heart-rate/key-image.js";
import type { LiveHeartRate, LiveView } from "../heart-rate/live-heart-rate.js";
import { describeLive } from "../heart-rate/status-text.js";
import { parseHeartRateSettings, zonesOf, zonesSchema } from "../heart-rate/zones.js";
import { type PluginMessage, parseHeartRateRequest, parseInspectorRequest } from "../inspector-messages.js";
import type { JsonObject, JsonValue } from "../json.js";

/** what the action needs from the rest of the plugin */
export type HeartRateServices = {
  /** the live heart rate every key and dial shares */
  live: LiveHeartRate;
  /** the account: the widgets to copy zones from, and the answers to the inspector's account requests */
  account: Pick<Account, "client" | "answer">;
  /** tells the open inspector; with a key id, only that key's */
  notifyInspector: (message: PluginMessage, keyId?: string) => void;
};

/** one key or dial on the deck, and what it shows now (so nothing is sent twice) */
type Shown = {
  target: KeyAction<JsonObject> | DialAction<JsonObject>;
  zones: Zone[];
  stop: () => void;
  image?: string;
  title?: string;
  feedback?: string;
  status?: string;
};

const ignore = () => {};

/** the "Heart Rate" key and dial: the live bpm in its zone's colour, greyed when old, a short title for a problem */
@action({ UUID: "dev.pulsekit.widgets.heartrate" })
export class HeartRateAction extends SingletonAction<JsonObject> {
  readonly #services: HeartRateServices;
  readonly #shown = new Map<string, Shown>();

  constructor(services: HeartRateServices) {
    super();
    this.#services = services;
  }

  override onWillAppear(ev: WillAppearEvent<JsonObject>): void {
    this.#shown.get(ev.action.id)?.stop();
    const shown: Shown = {
      target: ev.action,
      zones: zonesOf(parseHeartRateSettings(ev.payload.settings)),
      stop: ignore,
    };
    this.#shown.set(ev.action.id, shown);
    shown.stop = this.#services.live.watch((view) => this.#draw(shown, view));
  }

  override onWillDisappear(ev: WillDisappearEvent<JsonObject>): void {
    const shown = this.#shown.get(ev.action.id);
    this.#shown.delete(ev.action.id);
    // the last key or dial to go closes the stream
    shown?.stop();
  }

  override onDidReceiveSettings(ev: DidReceiveSettingsEvent<JsonObject>): void {
    const shown = this.#shown.get(ev.action.id);
    if (!shown) return;
    shown.zones = zonesOf(parseHeartRateSettings(ev.payload.settings));
    this.#draw(shown, this.#services.live.current());
  }

  // a press, a dial press or a tap tries again after a problem; a live stream is left alone
  override onKeyDown(_ev: KeyDownEvent<JsonObject>): void {
    this.#services.live.retry();
  }

  override onDialDown(_ev: DialDownEvent<JsonObject>): void {
    this.#services.live.retry();
  }

  override onTouchTap(_ev: TouchTapEvent<JsonObject>): void {
    this.#services.live.retry();
  }

  override async onPropertyInspectorDidAppear(ev: PropertyInspectorDidAppearEvent<JsonObject>): Promise<void> {
    const shown = this.#shown.get(ev.action.id);
    if (shown) shown.status = undefined;
    this.#report(ev.action.id, this.#services.live.current());
    await this.#services.account.answer({ type: "getStatus" });
  }

  override async onSendToPlugin(ev: SendToPluginEvent<JsonValue, JsonObject>): Promise<void> {
    const own = parseHeartRateRequest(ev.payload);
    if (own?.type === "getHeartRate") {
      const shown = this.#shown.get(ev.action.id);
      if (shown) shown.status = undefined;
      return this.#report(ev.action.id, this.#services.live.current());
    }
    if (own?.type === "listWidgets") return this.#listWidgets(ev.action.id);
    const request = parseInspectorRequest(ev.payload);
    if (request) await this.#services.account.answer(request);
  }

  /** the account's widgets with their ranges, for the inspector's "copy a widget's zones" */
  async #listWidgets(keyId: string): Promise<void> {
    try {
      const client = await this.#services.account.client();
      const widgets = (await client.listWidgets()).map((widget) => {
        const zones = zonesSchema.safeParse(widget.configuration.ranges);
        return { id: widget.id, name: widget.name, zones: zones.success ? zones.data : [] };
      });
      this.#services.notifyInspector({ type: "widgets", widgets }, keyId);
    } catch (error) {
      this.#services.notifyInspector({ type: "widgetsFailed", detail: describeError(error) }, keyId);
    }
  }

  /** draws one view on a key or dial, sending only what changed: about one image per reading */
  #draw(shown: Shown, view: LiveView): void {
    const face = faceFor(view.state, shown.zones, view.beats);
    const { target } = shown;
    if (target.isDial()) {
      const feedback = dialFeedback(face, view.history, shown.zones);
      const text = JSON.stringify(feedback);
      if (text !== shown.feedback) {
        shown.feedback = text;
        target.setFeedback(feedback).catch(ignore);
      }
    } else {
      // the title first: by the time the app shows a picture, its title is there too
      if (face.title !== shown.title) {
        shown.title = face.title;
        target.setTitle(face.title).catch(ignore);
      }
      const image = keyImage(face);
      if (image !== shown.image) {
        shown.image = image;
        target.setImage(image).catch(ignore);
      }
    }
    this.#report(target.id, view);
  }

  /** tells this key's open inspector how the connection is, when that changed */
  #report(keyId: string, view: LiveView): void {
    if (streamDeck.ui.action?.id !== keyId) return;
    const status = describeLive(view.state);
    const shown = this.#shown.get(keyId);
    const text = `${status.headline}\n${status.detail}`;
    if (shown && shown.status === text) return;
    if (shown) shown.status = text;
    this.#services.notifyInspector({ type: "heartRate", ...status }, keyId);
  }
}

// the property inspector of the "Create Widget" key: runs in the app's browser, talks to the app over its socket
import { DEFAULT_PRESET_ID, getPreset, isHexColor, listPresets } from "@pulsekit/core";
import * as z from "zod";
import { type InspectorRequest, type PluginMessage, parsePluginMessage } from "../inspector-messages.js";
import { type KeySettings, keySettingsToStore, parseKeySettings, widgetRequestFor } from "../key-settings.js";
import { checkField, NAME_PLACEHOLDER } from "./form-rules.js";

type Json = Record<string, unknown>;

/** the parts read here of an event from the app, or of the action info handed over at start-up */
const appEventSchema = z.object({
  event: z.string().optional().catch(undefined),
  action: z.string().optional().catch(undefined),
  payload: z.unknown(),
});

/** a payload that carries a key's settings; parseKeySettings checks the settings themselves */
const settingsPayloadSchema = z.object({ settings: z.unknown() });

const settingsIn = (payload: unknown): unknown => settingsPayloadSchema.safeParse(payload).data?.settings;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let socket: WebSocket | undefined;
let uuid = "";
let actionUuid = "";
// the key's settings as the app holds them, and what the plugin reads from them (as a press does)
let settings: unknown = {};
let view: KeySettings = {};

function setSettings(raw: unknown): void {
  settings = raw;
  view = parseKeySettings(raw);
}

function send(message: Json): void {
  socket?.send(JSON.stringify(message));
}

function ask(request: InspectorRequest): void {
  send({ event: "sendToPlugin", action: actionUuid, context: uuid, payload: request });
}

function showError(field: string, message: string): void {
  const input = document.getElementById(field);
  input?.setAttribute("aria-invalid", message ? "true" : "false");
  const error = document.getElementById(`${field}-error`);
  if (error) error.textContent = message;
}

/** stores a change to the key's settings; undefined removes a field, and fields of the wrong type are dropped */
function saveSettings(change: Json): void {
  const stored = keySettingsToStore(settings, { ...view, ...change });
  setSettings(stored);
  send({ event: "setSettings", context: uuid, payload: stored });
}

function presetOf(current: KeySettings) {
  try {
    return getPreset(current.preset ?? DEFAULT_PRESET_ID);
  } catch {
    return getPreset(DEFAULT_PRESET_ID);
  }
}

/** puts the settings into the fields, leaving alone the one the user is typing in */
function render(): void {
  const preset = presetOf(view);
  const active = document.activeElement;
  const set = (id: string, apply: (el: HTMLInputElement) => void) => {
    const el = $<HTMLInputElement>(id);
    if (el !== active) apply(el);
  };
  set("preset", (el) => {
    el.value = preset.id;
  });
  $("preset-description").textContent = preset.description;
  set("name", (el) => {
    el.value = view.name ?? "";
  });
  renderPreview();
  const heartEnabled = view.heartEnabled ?? preset.configuration.heartEnabled ?? true;
  set("heartEnabled", (el) => {
    el.checked = heartEnabled === true;
  });
  const heartColor = view.heartColor ?? "";
  set("heartColor", (el) => {
    el.value = String(heartColor);
    el.placeholder = String(preset.configuration.heartColor ?? "#FF3355FF");
  });
  renderSwatch();
  set("configuration", (el) => {
    el.value = view.configuration ? JSON.stringify(view.configuration) : "";
  });
  const url = view.lastWidgetUrl ?? "";
  const name = view.lastWidgetName ?? "";
  $("last-widget").textContent = url
    ? `${name || "Widget"}: ${url} (OBS browser source)`
    : "None yet: press the key to create one.";
  $<HTMLButtonElement>("open-last").disabled = !url;
}

/** the name the next press will give, so a template can be checked before pressing */
function renderPreview(): void {
  const template = $<HTMLInputElement>("name").value;
  try {
    const { name } = widgetRequestFor(
      { name: template, ...(view.counter === undefined ? {} : { counter: view.counter }) },
      new Date(),
    );
    $("name-preview").textContent = `Next widget: ${name}`;
  } catch {
    $("name-preview").textContent = "";
  }
}

/** shows the typed colour (or the preset's) in the picker; the picker has no alpha */
function renderSwatch(): void {
  const input = $<HTMLInputElement>("heartColor");
  const value = input.value.trim() || input.placeholder;
  if (isHexColor(value)) $<HTMLInputElement>("heartColor-picker").value = value.slice(0, 7).toLowerCase();
}

/** a colour picked in the picker, keeping the alpha already typed */
function onPickedColour(picked: string): void {
  const input = $<HTMLInputElement>("heartColor");
  const current = input.value.trim() || input.placeholder;
  const alpha = isHexColor(current) ? current.slice(7) : "FF";
  input.value = `${picked.toUpperCase()}${alpha}`;
  onField("heartColor", input.value);
}

function onField(field: string, input: string | boolean): void {
  const result = checkField(field, input);
  if (!result.ok) {
    showError(field, result.error);
    if (field === "name") $("name-preview").textContent = "";
    return;
  }
  showError(field, "");
  if (field === "preset") {
    // a new preset brings its own heart: drop the old overrides
    saveSettings({ preset: result.value, heartEnabled: undefined, heartColor: undefined });
    render();
    return;
  }
  saveSettings({ [field]: result.value });
  if (field === "heartColor") renderSwatch();
  if (field === "name") renderPreview();
}

function onPluginMessage(message: PluginMessage): void {
  switch (message.type) {
    case "status": {
      $("status").textContent = message.headline;
      $("status-detail").textContent = message.detail;
      const signedIn = message.state !== "signed_out";
      $<HTMLButtonElement>("sign-out").disabled = !signedIn;
      if (message.state === "signed_in") $("device-code").hidden = true;
      return;
    }
    case "signIn":
      $("sign-in-error").textContent = "";
      if (message.state === "starting") {
        $("status").textContent = "Starting sign-in…";
      } else if (message.state === "awaiting_approval") {
        $("device-code").hidden = false;
        $("user-code").textContent = message.userCode;
        $("verification-uri").textContent = `If no page opened, go to ${message.verificationUri}`;
        $("status").textContent = "Waiting for you to approve in the browser…";
      } else {
        $("device-code").hidden = true;
        $("sign-in-error").textContent = message.detail;
      }
      return;
    case "tokenSaved":
      $<HTMLInputElement>("token").value = "";
      showError("token", "");
      return;
    case "requestFailed":
      if (message.request === "saveToken") showError("token", message.detail);
      else $("sign-in-error").textContent = message.detail;
      return;
    case "pressResult":
      $("press-result").textContent = message.detail;
      return;
  }
}

function onMessage(data: string): void {
  const message = appEventSchema.safeParse(JSON.parse(data));
  if (!message.success) return;
  switch (message.data.event) {
    case "didReceiveSettings":
      setSettings(settingsIn(message.data.payload));
      render();
      return;
    case "sendToPropertyInspector": {
      const pluginMessage = parsePluginMessage(message.data.payload);
      if (pluginMessage) onPluginMessage(pluginMessage);
      return;
    }
  }
}

function wireFields(): void {
  const presetSelect = $<HTMLSelectElement>("preset");
  for (const preset of listPresets()) presetSelect.add(new Option(preset.label, preset.id));
  presetSelect.addEventListener("change", () => onField("preset", presetSelect.value));
  $<HTMLInputElement>("name").placeholder = NAME_PLACEHOLDER;
  for (const id of ["name", "heartColor", "configuration"]) {
    const el = $<HTMLInputElement>(id);
    el.addEventListener("input", () => onField(id, el.value));
  }
  const picker = $<HTMLInputElement>("heartColor-picker");
  picker.addEventListener("input", () => onPickedColour(picker.value));
  const heart = $<HTMLInputElement>("heartEnabled");
  heart.addEventListener("change", () => onField("heartEnabled", heart.checked));

  $("sign-in").addEventListener("click", () => ask({ type: "signIn" }));
  $("cancel-sign-in").addEventListener("click", () => {
    $("device-code").hidden = true;
    ask({ type: "cancelSignIn" });
  });
  $("sign-out").addEventListener("click", () => {
    $("device-code").hidden = true;
    $("sign-in-error").textContent = "";
    $("status").textContent = "Signing out…";
    ask({ type: "signOut" });
  });
  $("save-token").addEventListener("click", () => {
    const input = $<HTMLInputElement>("token");
    const result = checkField("token", input.value);
    if (!result.ok) return showError("token", result.error);
    showError("token", "");
    // the plugin checks the token with Pulsoid and stores it; the page never writes global settings
    ask({ type: "saveToken", token: String(result.value) });
    $("status").textContent = "Checking the token…";
  });
  $("open-last").addEventListener("click", () => {
    if (view.lastWidgetUrl) send({ event: "openUrl", payload: { url: view.lastWidgetUrl } });
  });
}

/** the entry point the Stream Deck app calls once the inspector page has loaded */
function connectElgatoStreamDeckSocket(
  port: string | number,
  inspectorUuid: string,
  registerEvent: string,
  _info: string,
  actionInfo: string,
): void {
  uuid = inspectorUuid;
  const action = appEventSchema.safeParse(JSON.parse(actionInfo)).data;
  actionUuid = action?.action ?? "";
  setSettings(settingsIn(action?.payload));
  render();
  socket = new WebSocket(`ws://127.0.0.1:${port}`);
  socket.addEventListener("open", () => {
    send({ event: registerEvent, uuid });
  });
  socket.addEventListener("message", (ev) => onMessage(String(ev.data)));
}

wireFields();
Object.assign(window, { connectElgatoStreamDeckSocket });

// the property inspector of the "Create Widget" key: runs in the app's browser, talks to the app over its socket
import { isHexColor, listPresets } from "@pulsekit/core";
import type { InspectorRequest, PluginMessage } from "../inspector-messages.js";
import { type KeySettings, keySettingsToStore, parseKeySettings, widgetRequestFor } from "../key-settings.js";
import { checkObsUrl } from "../obs-settings.js";
import { type AccountPhase, accountView } from "./account-view.js";
import { connectInspector } from "./app-socket.js";
import { checkField, NAME_PLACEHOLDER } from "./form-rules.js";
import { type ObsKnown, obsPasswordState, obsStatusLine, sceneField } from "./obs-view.js";
import { lastWidget, presetOf, showsHeart } from "./widget-view.js";

type Json = Record<string, unknown>;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

// the key's settings as the app holds them, and what the plugin reads from them (as a press does)
let settings: unknown = {};
let view: KeySettings = {};
/** how sign-in is set up, as the plugin last said */
type Setup = Extract<PluginMessage, { type: "setup" }>;
let setup: Setup | undefined;
let status: Extract<PluginMessage, { type: "status" }> | undefined;
let phase: AccountPhase = "waiting";
/** the OBS address and whether a password is saved, as the plugin last said (never the password) */
let obsSetup: Extract<PluginMessage, { type: "obsSetup" }> | undefined;
/** OBS's scenes, or why the plugin could not get them */
let obs: ObsKnown = { state: "unknown" };

const app = connectInspector<InspectorRequest>({
  settings(raw) {
    setSettings(raw);
    render();
  },
  connected() {
    // a key that adds to OBS shows OBS's scenes to pick from
    if (view.obs?.add) askObsScenes();
  },
  pluginMessage: (message) => onPluginMessage(message),
});

function setSettings(raw: unknown): void {
  settings = raw;
  view = parseKeySettings(raw);
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
  app.saveSettings(stored);
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
  set("heartEnabled", (el) => {
    el.checked = showsHeart(view);
  });
  renderHeartColour();
  set("configuration", (el) => {
    el.value = view.configuration ? JSON.stringify(view.configuration) : "";
  });
  renderLastWidget();
  renderObs();
}

/** the OBS part: the key's Add to OBS and Scene, and the shared address, password state and connection line */
function renderObs(): void {
  const add = view.obs?.add === true;
  const addBox = $<HTMLInputElement>("obsAdd");
  if (addBox !== document.activeElement) addBox.checked = add;
  $("obsScene-row").hidden = !add;
  const field = sceneField(view.obs?.scene, obs);
  const select = $<HTMLSelectElement>("obsScene");
  const text = $<HTMLInputElement>("obsSceneText");
  select.hidden = field.kind !== "list";
  text.hidden = field.kind !== "text";
  if (field.kind === "list") {
    select.replaceChildren(...field.options.map((option) => new Option(option.label, option.value)));
    select.value = field.selected;
    $("obsScene-note").textContent = "";
  } else {
    if (text !== document.activeElement) text.value = field.value;
    $("obsScene-note").textContent = field.note;
  }
  const status = $("obs-status");
  status.textContent = obsStatusLine(obs);
  status.classList.toggle("failed", obs.state === "failed");
  if (obsSetup) {
    const url = $<HTMLInputElement>("obsUrl");
    if (url !== document.activeElement) url.value = obsSetup.url;
    url.placeholder = obsSetup.defaultUrl;
    const password = obsPasswordState(obsSetup.passwordSaved);
    $<HTMLInputElement>("obsPassword").placeholder = password.placeholder;
    $("obsPassword-state").textContent = password.line;
    $("forget-obs-password").hidden = !obsSetup.passwordSaved;
  }
}

/** asks the plugin for OBS's scenes; the answer fills the Scene list or says why there is none */
function askObsScenes(): void {
  obs = { state: "asking" };
  renderObs();
  app.ask({ type: "listObsScenes" });
}

/** the key's OBS choice with one part changed; keys a newer version added inside it are kept */
function saveObsChoice(change: { add?: boolean; scene?: string }): void {
  const current = view.obs ?? { add: false };
  const scene = (change.scene ?? current.scene ?? "").trim();
  const { scene: _old, ...rest } = current;
  saveSettings({ obs: { ...rest, add: change.add ?? current.add, ...(scene ? { scene } : {}) } });
}

/** the colour row only for a widget that shows a heart (not for `minimal`, or with the heart switched off) */
function renderHeartColour(): void {
  $("heartColor-row").hidden = !showsHeart(view);
  const input = $<HTMLInputElement>("heartColor");
  if (input !== document.activeElement) input.value = view.heartColor ?? "";
  input.placeholder = String(presetOf(view).configuration.heartColor ?? "#FF3355FF");
  renderSwatch();
}

/** the last widget this key made: its OBS URL to copy, and why OBS may show nothing when it was not made on Pulsoid */
function renderLastWidget(): void {
  const last = lastWidget(view, setup?.apiBaseUrl);
  $("last-widget").textContent = last ? last.name : "None yet: press the key to create one.";
  $<HTMLInputElement>("last-url").value = last?.url ?? "";
  $("last-url").hidden = !last;
  $("last-buttons").hidden = !last;
  $("url-caveat").textContent = last?.caveat ?? "";
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
  const alpha = isHexColor(current) && current.length === 9 ? current.slice(7) : "FF";
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
  if (field === "heartEnabled" || field === "heartColor") renderHeartColour();
  if (field === "name") renderPreview();
}

/** shows the account part for where sign-in is: one way in or out, and only the code while Pulsoid waits */
function renderAccount(): void {
  const shown = accountView(phase, status?.state, setup?.clientIdSource ?? "none");
  $("status-row").hidden = !shown.status;
  $("sign-in").hidden = !shown.signIn;
  $("sign-out").hidden = !shown.signOut;
  $("account-buttons").hidden = !shown.signIn && !shown.signOut;
  $("device-code").hidden = !shown.deviceCode;
  $("token-row").hidden = !shown.token;
  $("account-advanced").hidden = !shown.advanced;
  if (phase === "starting") {
    $("status").textContent = "Starting sign-in…";
    $("status-detail").textContent = "";
  } else if (phase === "waiting" || !status) {
    $("status").textContent = "Waiting for the plugin…";
    $("status-detail").textContent = "";
  } else {
    $("status").textContent = status.headline;
    $("status-detail").textContent = status.detail;
  }
  $("sign-in").textContent = status?.state === "refused" ? "Sign in again" : "Sign in";
  $("token-hint-client").hidden = setup?.clientIdSource !== "none";
}

/** the Client ID field: the id saved here, or the one this computer sets in PULSOID_CLIENT_ID as a hint */
function renderSetup(current: Setup): void {
  const input = $<HTMLInputElement>("clientId");
  if (input !== document.activeElement) input.value = current.clientIdSource === "settings" ? current.clientId : "";
  input.placeholder = current.clientIdSource === "environment" ? current.clientId : "none";
  $("clientId-source").textContent =
    current.clientIdSource === "environment"
      ? `This computer sets "${current.clientId}" in PULSOID_CLIENT_ID; a client ID saved here takes its place.`
      : "";
}

/** a status or step the page shows itself while the plugin works */
function showBusy(headline: string): void {
  phase = "status";
  status = { type: "status", state: "checking", headline, detail: "", missingScopes: [] };
  renderAccount();
}

function onPluginMessage(message: PluginMessage): void {
  switch (message.type) {
    case "status":
      status = message;
      // a sign-in under way is not interrupted by a status that says nothing new (still signed out)
      if (message.state !== "signed_out" || (phase !== "starting" && phase !== "awaiting_approval")) phase = "status";
      renderAccount();
      return;
    case "setup":
      setup = message;
      renderSetup(message);
      renderAccount();
      renderLastWidget();
      return;
    case "signIn":
      $("sign-in-error").textContent = "";
      if (message.state === "starting") {
        phase = "starting";
      } else if (message.state === "awaiting_approval") {
        phase = "awaiting_approval";
        $("user-code").textContent = message.userCode;
        $("verification-uri").textContent = `No page? Go to ${message.verificationUri}`;
      } else {
        phase = "status";
        $("sign-in-error").textContent = message.detail;
      }
      renderAccount();
      return;
    case "tokenSaved":
      $<HTMLInputElement>("token").value = "";
      showError("token", "");
      return;
    case "requestFailed":
      if (message.request === "saveToken") showError("token", message.detail);
      else if (message.request === "setClientId") showError("clientId", message.detail);
      else if (message.request === "saveObs") {
        showError("obsUrl", message.detail);
        obs = { state: "unknown" };
        renderObs();
      } else if (message.request === "listObsScenes" || message.request === "forgetObsPassword") {
        obs = { state: "failed", detail: message.detail };
        renderObs();
      } else {
        if (phase !== "awaiting_approval") phase = "status";
        $("sign-in-error").textContent = message.detail;
        renderAccount();
      }
      return;
    case "pressResult": {
      $("press-result").textContent = message.detail;
      const line = $("press-obs");
      line.textContent = message.obs?.detail ?? "";
      line.classList.toggle("failed", message.obs?.ok === false);
      return;
    }
    case "obsSetup":
      obsSetup = message;
      renderObs();
      return;
    case "obsScenes":
      obs = {
        state: "scenes",
        scenes: message.scenes,
        ...(message.currentProgramScene ? { currentProgramScene: message.currentProgramScene } : {}),
      };
      renderObs();
      return;
    case "obsFailed":
      obs = { state: "failed", detail: message.detail };
      renderObs();
      return;
  }
}

/** copies text to the clipboard; the app's Chromium may refuse the async clipboard to a page, so select and copy then */
async function copyToClipboard(text: string, field: HTMLInputElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field.select();
    return document.execCommand("copy");
  }
}

function wireAccount(): void {
  $("sign-in").addEventListener("click", () => {
    $("sign-in-error").textContent = "";
    phase = "starting";
    renderAccount();
    app.ask({ type: "signIn" });
  });
  $("cancel-sign-in").addEventListener("click", () => {
    phase = "status";
    renderAccount();
    app.ask({ type: "cancelSignIn" });
  });
  $("sign-out").addEventListener("click", () => {
    $("sign-in-error").textContent = "";
    showBusy("Signing out…");
    app.ask({ type: "signOut" });
  });
  const saveToken = () => {
    const input = $<HTMLInputElement>("token");
    const result = checkField("token", input.value);
    if (!result.ok) return showError("token", result.error);
    showError("token", "");
    // the plugin checks the token with Pulsoid and stores it; the page never writes global settings
    app.ask({ type: "saveToken", token: String(result.value) });
    showBusy("Checking the token…");
  };
  $("save-token").addEventListener("click", saveToken);
  onEnter("token", saveToken);
  const saveClientId = () => {
    const result = checkField("clientId", $<HTMLInputElement>("clientId").value);
    if (!result.ok) return showError("clientId", result.error);
    showError("clientId", "");
    $("sign-in-error").textContent = "";
    app.ask({ type: "setClientId", clientId: String(result.value) });
  };
  $("save-client-id").addEventListener("click", saveClientId);
  onEnter("clientId", saveClientId);
}

function wireObs(): void {
  const addBox = $<HTMLInputElement>("obsAdd");
  addBox.addEventListener("change", () => {
    saveObsChoice({ add: addBox.checked });
    renderObs();
    if (addBox.checked && obs.state !== "scenes") askObsScenes();
  });
  const select = $<HTMLSelectElement>("obsScene");
  select.addEventListener("change", () => saveObsChoice({ scene: select.value }));
  const text = $<HTMLInputElement>("obsSceneText");
  text.addEventListener("input", () => saveObsChoice({ scene: text.value }));

  /** true when the address or password fields hold something not saved yet */
  const changed = () =>
    $<HTMLInputElement>("obsPassword").value !== "" ||
    $<HTMLInputElement>("obsUrl").value.trim() !== (obsSetup?.url ?? "");
  // the plugin stores both in its global settings, then tries them; the page keeps no password
  const saveObs = () => {
    const url = checkObsUrl($<HTMLInputElement>("obsUrl").value);
    if (!url.ok) return showError("obsUrl", url.error);
    showError("obsUrl", "");
    const passwordField = $<HTMLInputElement>("obsPassword");
    const password = passwordField.value;
    passwordField.value = "";
    obs = { state: "asking" };
    renderObs();
    app.ask({ type: "saveObs", url: url.value, ...(password ? { password } : {}) });
  };
  $("save-obs").addEventListener("click", saveObs);
  onEnter("obsUrl", saveObs);
  onEnter("obsPassword", saveObs);
  $("test-obs").addEventListener("click", () => (changed() ? saveObs() : askObsScenes()));
  $("forget-obs-password").addEventListener("click", () => app.ask({ type: "forgetObsPassword" }));
}

function onEnter(id: string, run: () => void): void {
  $(id).addEventListener("keydown", (event) => {
    if (event.key === "Enter") run();
  });
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

  $("copy-url").addEventListener("click", async () => {
    const url = view.lastWidgetUrl;
    if (!url) return;
    const copied = await copyToClipboard(url, $<HTMLInputElement>("last-url"));
    $("copy-result").textContent = copied
      ? "Copied. In OBS, add a Browser source and paste it as its URL."
      : "Could not copy: select the URL above and press Ctrl+C (⌘C on a Mac).";
  });
  $("open-last").addEventListener("click", () => {
    if (view.lastWidgetUrl) app.send({ event: "openUrl", payload: { url: view.lastWidgetUrl } });
  });
}

wireFields();
wireAccount();
wireObs();
renderAccount();

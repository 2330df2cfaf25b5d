// the property inspector of a "Heart Rate" key or dial: runs in the app's browser, talks to the app over its socket
import type { Zone } from "@pulsekit/core";
import { parseHeartRateSettings, presetZones, withZones } from "../heart-rate/zones.js";
import type { HeartRateRequest, PluginMessage } from "../inspector-messages.js";
import { connectInspector } from "./app-socket.js";
import { rowsOf, type ZoneRow, zonesFromRows } from "./zone-rows.js";

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

// the key's settings as the app holds them
let settings: unknown = {};
let rows: ZoneRow[] = [];
let widgets: Extract<PluginMessage, { type: "widgets" }>["widgets"] = [];

const app = connectInspector<HeartRateRequest>({
  settings(raw) {
    settings = raw ?? {};
    render();
  },
  connected: () => app.ask({ type: "getHeartRate" }),
  pluginMessage: (message) => onPluginMessage(message),
});

/** stores the key's zones; undefined goes back to the preset's */
function saveZones(zones: Zone[] | undefined): void {
  settings = withZones(settings, zones);
  app.saveSettings(settings);
}

const zoneCount = (count: number) => (count === 1 ? "1 zone" : `${count} zones`);

const ownZones = () => parseHeartRateSettings(settings).zones;

/** the mode and the rows from the settings, leaving alone a row the user is typing in */
function render(): void {
  const own = ownZones();
  $<HTMLSelectElement>("zones-mode").value = own ? "own" : "preset";
  const editing = $("zone-rows").contains(document.activeElement);
  if (!editing) {
    rows = rowsOf(own ?? presetZones());
    renderRows();
  }
}

function renderRows(): void {
  const preset = !ownZones();
  const list = $("zone-rows");
  list.className = preset ? "preset" : "";
  list.replaceChildren(
    ...rows.map((row, index) => {
      const line = document.createElement("div");
      line.className = "zone-row";
      const field = (name: keyof ZoneRow, label: string) => {
        const input = document.createElement("input");
        input.type = "text";
        input.value = row[name];
        input.spellcheck = false;
        input.setAttribute("aria-label", `Zone ${index + 1} ${label}`);
        input.dataset.field = name;
        input.addEventListener("input", () => {
          row[name] = input.value;
          if (name === "color" && /^#[0-9a-fA-F]{6}/.test(input.value))
            picker.value = input.value.slice(0, 7).toLowerCase();
          onRowsChanged();
        });
        return input;
      };
      const picker = document.createElement("input");
      picker.type = "color";
      picker.setAttribute("aria-label", `Pick zone ${index + 1}'s colour`);
      if (/^#[0-9a-fA-F]{6}/.test(row.color)) picker.value = row.color.slice(0, 7).toLowerCase();
      const colour = field("color", "colour");
      picker.addEventListener("input", () => {
        const alpha = row.color.length === 9 ? row.color.slice(7) : "FF";
        row.color = `${picker.value.toUpperCase()}${alpha}`;
        colour.value = row.color;
        onRowsChanged();
      });
      const remove = document.createElement("button");
      remove.type = "button";
      remove.textContent = "×";
      remove.setAttribute("aria-label", `Remove zone ${index + 1}`);
      remove.addEventListener("click", () => {
        rows.splice(index, 1);
        renderRows();
        onRowsChanged();
      });
      line.append(field("from", "from"), field("to", "to"), colour, picker, remove);
      return line;
    }),
  );
}

/** a typed change makes the zones the key's own, once they read well */
function onRowsChanged(): void {
  const result = zonesFromRows(rows);
  $("zones-error").textContent = result.ok ? "" : result.error;
  for (const [index, line] of Array.from($("zone-rows").children).entries()) {
    line.toggleAttribute("data-invalid", !result.ok && result.row === index + 1);
  }
  if (!result.ok) return;
  saveZones(result.zones);
  $<HTMLSelectElement>("zones-mode").value = "own";
  $("zone-rows").className = "";
}

function onPluginMessage(message: PluginMessage): void {
  switch (message.type) {
    case "heartRate":
      $("live-headline").textContent = message.headline;
      $("live-detail").textContent = message.detail;
      return;
    case "status":
      $("account-status").textContent = message.headline;
      $("account-detail").textContent = message.detail;
      return;
    case "widgets": {
      widgets = message.widgets;
      const pick = $<HTMLSelectElement>("widget-pick");
      const usable = widgets.filter((widget) => widget.zones.length > 0);
      pick.replaceChildren(
        ...usable.map((widget) => new Option(`${widget.name} (${zoneCount(widget.zones.length)})`, widget.id)),
      );
      pick.disabled = usable.length === 0;
      $<HTMLButtonElement>("copy-zones").disabled = usable.length === 0;
      $("widgets-result").textContent =
        usable.length === 0
          ? widgets.length === 0
            ? "No widgets on this account yet."
            : "None of your widgets has zones (ranges); make one with the Heart-rate zones preset."
          : "";
      return;
    }
    case "widgetsFailed":
      $("widgets-result").textContent = message.detail;
      return;
  }
}

function wire(): void {
  const mode = $<HTMLSelectElement>("zones-mode");
  mode.addEventListener("change", () => {
    $("zones-error").textContent = "";
    // "my own" starts from what the key shows now, so nothing changes until a row does
    saveZones(mode.value === "own" ? (ownZones() ?? presetZones()) : undefined);
    rows = rowsOf(ownZones() ?? presetZones());
    renderRows();
  });
  $("add-zone").addEventListener("click", () => {
    const last = rows.at(-1);
    const from = last ? Math.min(300, Number(last.to) + 1 || 0) : 0;
    rows.push({ from: String(from), to: String(Math.min(300, from + 20)), color: "#FFFFFFFF" });
    renderRows();
    onRowsChanged();
  });
  $("load-widgets").addEventListener("click", () => {
    $("widgets-result").textContent = "Loading…";
    app.ask({ type: "listWidgets" });
  });
  $("copy-zones").addEventListener("click", () => {
    const widget = widgets.find((w) => w.id === $<HTMLSelectElement>("widget-pick").value);
    if (!widget) return;
    saveZones(widget.zones);
    rows = rowsOf(widget.zones);
    renderRows();
    mode.value = "own";
    $("zones-error").textContent = "";
    $("widgets-result").textContent = `Copied ${zoneCount(widget.zones.length)} from "${widget.name}".`;
  });
}

wire();
render();

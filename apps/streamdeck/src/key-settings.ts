import {
  configurationFromPreset,
  DEFAULT_PRESET_ID,
  isPlainObject,
  renderWidgetName,
  type UnfinishedCreate,
  validateWidgetName,
} from "@pulsekit/core";

/** what one key remembers; travels inside exported profiles, so never a token */
export type KeySettings = {
  preset?: string;
  name?: string;
  heartEnabled?: boolean;
  heartColor?: string;
  configuration?: Record<string, unknown>;
  counter?: number;
  lastWidgetId?: string;
  lastWidgetUrl?: string;
  lastWidgetName?: string;
  /** a press that may have made its widget: the next press looks for that widget before making one */
  unfinished?: UnfinishedCreate;
};

/** the name a new key starts with; {counter} keeps repeated presses apart */
export const DEFAULT_NAME_TEMPLATE = "Heart rate {counter}";

/** the widget a press asks for */
export type WidgetRequest = {
  name: string;
  configuration: Record<string, unknown>;
  metaId: string;
  counter: number;
};

/** the known fields of raw per-key settings, each kept only when it has the right type */
export function parseKeySettings(raw: unknown): KeySettings {
  if (!isPlainObject(raw)) return {};
  const settings: KeySettings = {};
  if (typeof raw.preset === "string" && raw.preset !== "") settings.preset = raw.preset;
  if (typeof raw.name === "string") settings.name = raw.name;
  if (typeof raw.heartEnabled === "boolean") settings.heartEnabled = raw.heartEnabled;
  if (typeof raw.heartColor === "string" && raw.heartColor !== "") settings.heartColor = raw.heartColor;
  if (isPlainObject(raw.configuration)) settings.configuration = raw.configuration;
  if (typeof raw.counter === "number" && Number.isInteger(raw.counter) && raw.counter >= 0)
    settings.counter = raw.counter;
  if (typeof raw.lastWidgetId === "string") settings.lastWidgetId = raw.lastWidgetId;
  if (typeof raw.lastWidgetUrl === "string") settings.lastWidgetUrl = raw.lastWidgetUrl;
  if (typeof raw.lastWidgetName === "string") settings.lastWidgetName = raw.lastWidgetName;
  const unfinished = parseUnfinished(raw.unfinished);
  if (unfinished) settings.unfinished = unfinished;
  return settings;
}

function parseUnfinished(raw: unknown): UnfinishedCreate | undefined {
  if (!isPlainObject(raw)) return undefined;
  const { name, metaId, configuration, existingIds } = raw;
  if (typeof name !== "string" || typeof metaId !== "string" || !isPlainObject(configuration)) return undefined;
  if (!Array.isArray(existingIds) || !existingIds.every((id) => typeof id === "string")) return undefined;
  return { name, metaId, configuration, existingIds };
}

/** the configuration a key asks for: its preset, then its overrides, then the heart fields; validated */
export function keyConfiguration(settings: KeySettings): { configuration: Record<string, unknown>; metaId: string } {
  const changes: Record<string, unknown> = { ...settings.configuration };
  if (settings.heartEnabled !== undefined) changes.heartEnabled = settings.heartEnabled;
  if (settings.heartColor !== undefined) changes.heartColor = settings.heartColor;
  return configurationFromPreset(settings.preset ?? DEFAULT_PRESET_ID, changes);
}

/** the widget the next press creates; throws PulsoidError invalid_input naming the bad field */
export function widgetRequestFor(settings: KeySettings, now: Date): WidgetRequest {
  const counter = (settings.counter ?? 0) + 1;
  // the press before may have made its widget: ask for exactly that one again, so core can find it
  const { unfinished } = settings;
  if (unfinished) {
    return { name: unfinished.name, configuration: unfinished.configuration, metaId: unfinished.metaId, counter };
  }
  const template = settings.name?.trim() ? settings.name : DEFAULT_NAME_TEMPLATE;
  const name = validateWidgetName(renderWidgetName(template, { counter, now }));
  return { name, counter, ...keyConfiguration(settings) };
}

import {
  configurationFromPreset,
  DEFAULT_PRESET_ID,
  renderWidgetName,
  type UnfinishedCreate,
  validateWidgetName,
} from "@pulsekit/core";
import * as z from "zod";
import type { JsonObject } from "./json.js";

/** a field kept only when it has the right kind; anything else reads as missing */
const field = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

const jsonObject = z.record(z.string(), z.unknown());

/** a press that may have made its widget: what it asked for and the ids that existed before */
const unfinishedSchema: z.ZodType<UnfinishedCreate> = z.object({
  name: z.string(),
  metaId: z.string(),
  configuration: jsonObject,
  existingIds: z.array(z.string()),
});

/** whether a press also puts its widget into OBS, and where; no scene means the current program scene */
const obsSchema = z.looseObject({
  add: z.boolean(),
  scene: field(z.string()),
});

/** a key's OBS choice, as read back */
export type KeyObs = z.infer<typeof obsSchema>;

/** what one key remembers; travels inside exported profiles, so never a token or a password */
export const keySettingsSchema = z.object({
  preset: field(z.string().min(1)),
  name: field(z.string()),
  heartEnabled: field(z.boolean()),
  heartColor: field(z.string().min(1)),
  configuration: field(jsonObject),
  counter: field(z.int().min(0)),
  lastWidgetId: field(z.string()),
  // opened by "Open last widget": only a web page over https
  lastWidgetUrl: field(z.url({ protocol: /^https$/ })),
  lastWidgetName: field(z.string()),
  /** a press that may have made its widget: the next press looks for that widget before making one */
  unfinished: field(unfinishedSchema),
  /** "Add to OBS": the OBS address and password are global settings, never here */
  obs: field(obsSchema),
});

/** what one key remembers, as read back from the app */
export type KeySettings = z.infer<typeof keySettingsSchema>;

const KNOWN_FIELDS: ReadonlySet<string> = new Set(Object.keys(keySettingsSchema.shape));

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
  const parsed = keySettingsSchema.safeParse(raw);
  if (!parsed.success) return {};
  return Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined));
}

/**
 * the per-key settings to store: these known fields, plus the keys of `raw` this version does not know
 * (a newer version's), so a write keeps them; known fields of the wrong type in `raw` are dropped
 */
export function keySettingsToStore(raw: unknown, settings: KeySettings): JsonObject {
  const unknown = typeof raw === "object" && raw !== null && !Array.isArray(raw) ? raw : {};
  const kept = Object.entries(unknown).filter(([key]) => !KNOWN_FIELDS.has(key));
  return { ...Object.fromEntries(kept), ...parseKeySettings(settings) } as JsonObject;
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

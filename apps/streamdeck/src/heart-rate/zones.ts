import { getPreset, heartRateRangeSchema, type Zone } from "@pulsekit/core";
import * as z from "zod";
import type { JsonObject } from "../json.js";

/** a zone list as a key stores it and a widget's `ranges` hold it: `{from, to, color}` rows */
export const zonesSchema = z.array(heartRateRangeSchema).max(20);

/** what one Heart Rate key or dial remembers; travels inside exported profiles, so never a token */
export const heartRateSettingsSchema = z.looseObject({
  // a list that does not parse reads as missing: the key then shows the preset's zones
  zones: zonesSchema.optional().catch(undefined),
});

/** a Heart Rate key's settings, as read back from the app */
export type HeartRateSettings = z.infer<typeof heartRateSettingsSchema>;

/** the `zones` preset's ranges: what a key without zones of its own uses */
export function presetZones(): Zone[] {
  const ranges = zonesSchema.safeParse(getPreset("zones").configuration.ranges);
  return ranges.success ? ranges.data : [];
}

/** a key's settings from whatever the app sent */
export function parseHeartRateSettings(raw: unknown): HeartRateSettings {
  const parsed = heartRateSettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : {};
}

/** the zones a key colours by: its own when it has any, else the preset's */
export function zonesOf(settings: HeartRateSettings): Zone[] {
  return settings.zones && settings.zones.length > 0 ? settings.zones : presetZones();
}

/** the settings to store after the zones change; undefined zones removes the field (the preset again) */
export function withZones(raw: unknown, zones: Zone[] | undefined): JsonObject {
  const base = raw && typeof raw === "object" && !Array.isArray(raw) ? { ...(raw as JsonObject) } : {};
  delete base.zones;
  if (!zones) return base;
  return { ...base, zones: zones.map(({ from, to, color }) => ({ from, to, color })) };
}

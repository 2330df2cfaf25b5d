import { getPreset, heartRateRangeSchema, type Zone, zoneColor } from "@pulsekit/core";
import * as z from "zod";

/** a status bar background VS Code's theme defines for items that need attention */
export type StatusBarBackground = "statusBarItem.warningBackground" | "statusBarItem.errorBackground";

/** the zones preset's ranges: 0–99, 100–139, 140–169 and 170–300 bpm */
export const STATUS_BAR_ZONES: readonly Zone[] = z
  .array(heartRateRangeSchema)
  .parse(getPreset("zones").configuration.ranges);

/** where a bpm sits in the zones: its zone (by core's colour rule), which one (1 = lowest) and how many there are */
export function zoneOf(
  bpm: number,
  zones: readonly Zone[] = STATUS_BAR_ZONES,
): { zone: Zone; number: number; count: number } | undefined {
  const colour = zoneColor(bpm, zones);
  if (colour === undefined) return undefined;
  const byFrom = [...zones].sort((a, b) => a.from - b.from);
  const zone = byFrom.find((candidate) => candidate.color === colour && bpm >= candidate.from && bpm <= candidate.to);
  return zone && { zone, number: byFrom.indexOf(zone) + 1, count: byFrom.length };
}

/**
 * the theme background for a bpm: the error background in the top zone, the warning background in the one below
 * it, none lower down or outside every zone (the status bar guidelines allow no colours of our own)
 */
export function zoneBackground(
  bpm: number,
  zones: readonly Zone[] = STATUS_BAR_ZONES,
): StatusBarBackground | undefined {
  const where = zoneOf(bpm, zones);
  if (!where) return undefined;
  if (where.number === where.count) return "statusBarItem.errorBackground";
  if (where.number === where.count - 1) return "statusBarItem.warningBackground";
  return undefined;
}

import type { Zone } from "@pulsekit/core";
import { zonesSchema } from "../heart-rate/zones.js";

/** one row of the zone editor as typed */
export type ZoneRow = { from: string; to: string; color: string };

/** the zones the rows make, or the first mistake with its row (1-based) in the user's words */
export type ZoneRowsResult = { ok: true; zones: Zone[] } | { ok: false; row: number; error: string };

/** rows as the editor shows them */
export function rowsOf(zones: readonly Zone[]): ZoneRow[] {
  return zones.map((zone) => ({ from: String(zone.from), to: String(zone.to), color: zone.color }));
}

/** checks the typed rows the way the key reads them (core's range rules: bpm 0 to 300, from ≤ to, a #RRGGBB colour) */
export function zonesFromRows(rows: readonly ZoneRow[]): ZoneRowsResult {
  if (rows.length === 0) return { ok: false, row: 0, error: "Add at least one zone, or use the preset's zones." };
  for (const [index, row] of rows.entries()) {
    const zone = {
      from: Number(row.from.trim() || Number.NaN),
      to: Number(row.to.trim() || Number.NaN),
      color: row.color.trim(),
    };
    const parsed = zonesSchema.safeParse([zone]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.at(-1);
      const what = field === "color" ? "the colour" : field === "from" || field === "to" ? `"${field}"` : "the range";
      return { ok: false, row: index + 1, error: `Zone ${index + 1}: ${what} ${issue?.message ?? "is not valid"}.` };
    }
  }
  const parsed = zonesSchema.safeParse(
    rows.map((row) => ({ from: Number(row.from), to: Number(row.to), color: row.color.trim() })),
  );
  if (!parsed.success) return { ok: false, row: 0, error: `At most 20 zones: ${parsed.error.issues[0]?.message}` };
  return { ok: true, zones: parsed.data };
}

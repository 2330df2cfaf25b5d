import { DEFAULT_PRESET_ID, listPresets } from "@pulsekit/core";
import type { Output } from "../output.js";
import { formatTable } from "../table.js";

/** `presets`: the presets `widgets create --preset` accepts, the default marked */
export function showPresets(out: Output): void {
  const presets = listPresets();
  out.result(
    presets.map((p) => ({ ...p, default: p.id === DEFAULT_PRESET_ID })),
    () =>
      formatTable([
        ["ID", "NAME", "DESCRIPTION"],
        ...presets.map((p) => [p.id === DEFAULT_PRESET_ID ? `${p.id} (default)` : p.id, p.label, p.description]),
      ]),
  );
}

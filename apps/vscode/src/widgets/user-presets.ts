import { BASIC_BPM_META_ID, type WidgetPreset, widgetPresetSchema } from "@pulsekit/core";

/** the user presets from the `pulsekit.presets` setting, and a sentence for each entry that was skipped */
export function parseUserPresets(raw: unknown): { presets: WidgetPreset[]; problems: string[] } {
  const presets: WidgetPreset[] = [];
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { presets, problems };
  if (!Array.isArray(raw)) {
    return { presets, problems: ["The pulsekit.presets setting must be a list of presets; it was ignored."] };
  }
  raw.forEach((entry, index) => {
    const result = widgetPresetSchema.safeParse(entry);
    if (result.success) {
      presets.push({ ...result.data, metaId: result.data.metaId ?? BASIC_BPM_META_ID });
      return;
    }
    const issue = result.error.issues[0];
    const where = ["presets", index, ...(issue?.path ?? [])]
      .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
      .join("");
    problems.push(
      `Preset ${where.replace(/^\./, "")} was skipped: ${issue?.message ?? "it is not valid"}. Fix it in the pulsekit.presets setting.`,
    );
  });
  return { presets, problems };
}

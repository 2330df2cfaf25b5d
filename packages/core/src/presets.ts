import * as z from "zod";
import { closestWord } from "./closest-word.js";
import { describeError, invalidInput } from "./errors.js";
import { applyMergePatch } from "./merge-patch.js";
import { BASIC_BPM_META_ID } from "./meta.js";
import { basicBpmConfigurationSchema } from "./schema.js";
import { parseInput, validateConfiguration, validateJsonConfiguration } from "./validate.js";

/** a named starting configuration; the id is stable, the label is for people */
export interface WidgetPreset {
  id: string;
  label: string;
  description: string;
  metaId: string;
  configuration: Record<string, unknown>;
}

/** the preset used when none is chosen */
export const DEFAULT_PRESET_ID = "classic";

const BUILT_IN_PRESETS: readonly WidgetPreset[] = [
  {
    id: "classic",
    label: "Classic heart",
    description: "Your heart rate next to a beating red heart.",
    metaId: BASIC_BPM_META_ID,
    configuration: { heartEnabled: true, heartColor: "#FF3355FF" },
  },
  {
    id: "minimal",
    label: "Minimal number",
    description: "Just the number, no heart.",
    metaId: BASIC_BPM_META_ID,
    configuration: { heartEnabled: false },
  },
  {
    id: "zones",
    label: "Heart-rate zones",
    description: "The heart changes colour from calm blue to peak red as your heart rate climbs.",
    metaId: BASIC_BPM_META_ID,
    configuration: {
      heartEnabled: true,
      heartColor: "#FF3355FF",
      ranges: [
        { from: 0, to: 99, color: "#3FA9F5FF" },
        { from: 100, to: 139, color: "#7AC943FF" },
        { from: 140, to: 169, color: "#FFB000FF" },
        { from: 170, to: 300, color: "#FF1D25FF" },
      ],
    },
  },
];

/** a user-defined preset (for example from an app's settings) */
export const widgetPresetSchema = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { error: "must be lowercase letters, digits and dashes (up to 40)" }),
  label: z.string().trim().min(1, { error: "must not be empty" }),
  description: z.string().default(""),
  metaId: z.literal(BASIC_BPM_META_ID).default(BASIC_BPM_META_ID),
  configuration: basicBpmConfigurationSchema,
});

/** the built-in presets followed by any extra ones; an extra preset with a built-in id replaces it */
export function listPresets(extra: readonly WidgetPreset[] = []): WidgetPreset[] {
  const byId = new Map<string, WidgetPreset>();
  for (const preset of [...BUILT_IN_PRESETS, ...extra]) byId.set(preset.id, structuredClone(preset));
  return [...byId.values()];
}

/** the preset with this id or label, in any case; an invalid_input error on field "preset" suggests the closest */
export function getPreset(id: string, extra: readonly WidgetPreset[] = []): WidgetPreset {
  const presets = listPresets(extra);
  const wanted = id.trim().toLowerCase();
  const preset =
    presets.find((candidate) => candidate.id === wanted) ??
    presets.find((candidate) => candidate.label.toLowerCase() === wanted);
  if (!preset) {
    const ids = presets.map((candidate) => candidate.id);
    const guess = closestWord(wanted, ids);
    const hint = guess ? ` Did you mean "${guess}"?` : "";
    throw invalidInput("preset", `"${id}" does not exist.${hint} Choose one of: ${ids.join(", ")}.`);
  }
  return preset;
}

/** a preset's configuration with changes laid over it (JSON merge patch), validated for the preset's widget type */
export function configurationFromPreset(
  presetId: string,
  changes: Record<string, unknown> = {},
  extra: readonly WidgetPreset[] = [],
): { configuration: Record<string, unknown>; metaId: string } {
  const preset = getPreset(presetId, extra);
  const configuration = applyMergePatch(preset.configuration, validateJsonConfiguration(changes));
  return { configuration: validateConfiguration(configuration, preset.metaId), metaId: preset.metaId };
}

/** user presets read from an app's settings, and a sentence for each entry that was skipped */
export interface UserPresets {
  presets: WidgetPreset[];
  problems: string[];
}

/**
 * the user presets in a setting's raw value (a list of presets); an entry that is not a valid preset is skipped
 * with a sentence naming its field (`presets[1].configuration.heartColor`) and the setting to fix it in
 */
export function parseUserPresets(raw: unknown, setting: string): UserPresets {
  const result: UserPresets = { presets: [], problems: [] };
  if (raw === undefined || raw === null) return result;
  if (!Array.isArray(raw)) {
    result.problems.push(`The ${setting} setting must be a list of presets; it was ignored.`);
    return result;
  }
  raw.forEach((entry, index) => {
    try {
      const preset = parseInput(widgetPresetSchema, entry, `presets[${index}]`);
      result.presets.push({ ...preset, metaId: preset.metaId ?? BASIC_BPM_META_ID });
    } catch (error) {
      const reason = describeError(error).replace(/\.( Fix it and try again\.)?$/, "");
      result.problems.push(`${reason}, so that preset was skipped. Fix it in the ${setting} setting.`);
    }
  });
  return result;
}

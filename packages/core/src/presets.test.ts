import { describe, expect, it } from "vitest";
import { BASIC_BPM_META_ID } from "./meta.js";
import {
  configurationFromPreset,
  DEFAULT_PRESET_ID,
  getPreset,
  listPresets,
  parseUserPresets,
  widgetPresetSchema,
} from "./presets.js";
import { validateConfiguration } from "./validate.js";

describe("presets", () => {
  it("has the classic, minimal and zones presets, classic first and default", () => {
    expect(listPresets().map((preset) => preset.id)).toEqual(["classic", "minimal", "zones"]);
    expect(DEFAULT_PRESET_ID).toBe("classic");
  });

  it("classic shows the heart, minimal hides it, zones has coloured ranges", () => {
    expect(getPreset("classic").configuration.heartEnabled).toBe(true);
    expect(getPreset("minimal").configuration.heartEnabled).toBe(false);
    expect((getPreset("zones").configuration.ranges as unknown[]).length).toBeGreaterThan(1);
  });

  it("every built-in preset is a valid basic BPM configuration", () => {
    for (const preset of listPresets()) {
      expect(preset.metaId).toBe(BASIC_BPM_META_ID);
      expect(() => validateConfiguration(preset.configuration)).not.toThrow();
    }
  });

  it("hands out copies, so a caller cannot change a preset for everyone", () => {
    getPreset("classic").configuration.heartEnabled = false;
    expect(getPreset("classic").configuration.heartEnabled).toBe(true);
  });

  it("adds user presets and lets one replace a built-in", () => {
    const mine = widgetPresetSchema.parse({
      id: "classic",
      label: "My classic",
      configuration: { heartEnabled: false },
    });
    const extra = widgetPresetSchema.parse({ id: "gold", label: "Gold", configuration: { heartColor: "#FFD700FF" } });
    const presets = listPresets([mine, extra]);
    expect(presets.map((preset) => preset.id)).toEqual(["classic", "minimal", "zones", "gold"]);
    expect(getPreset("classic", [mine]).label).toBe("My classic");
  });

  it("names the valid ids when a preset does not exist", () => {
    expect(() => getPreset("neon")).toThrowError(
      'The preset "neon" does not exist. Choose one of: classic, minimal, zones.',
    );
  });

  it("finds a preset by id or label in any case, and suggests the closest for a typo", () => {
    expect(getPreset("ZONES").id).toBe("zones");
    expect(getPreset(" Minimal ").id).toBe("minimal");
    expect(getPreset("classic heart").id).toBe("classic");
    expect(() => getPreset("zonez")).toThrowError(
      'The preset "zonez" does not exist. Did you mean "zones"? Choose one of: classic, minimal, zones.',
    );
    expect(() => getPreset("Clasic")).toThrowError(/Did you mean "classic"\?/);
    expect(() => getPreset("neon")).toThrowError(/^The preset "neon" does not exist\. Choose one/);
  });

  it("rejects a user preset with a bad colour", () => {
    const result = widgetPresetSchema.safeParse({ id: "x", label: "X", configuration: { heartColor: "red" } });
    expect(result.success).toBe(false);
  });
});

describe("configurationFromPreset", () => {
  it("lays changes over the preset and validates the result", () => {
    expect(configurationFromPreset("classic", { heartColor: "#00FF00FF", extra: 1 })).toEqual({
      configuration: { heartEnabled: true, heartColor: "#00FF00FF", extra: 1 },
      metaId: BASIC_BPM_META_ID,
    });
  });

  it("names the field when a change breaks the preset's rules", () => {
    expect(() => configurationFromPreset("zones", { heartColor: "green" })).toThrow(
      expect.objectContaining({
        field: "configuration.heartColor",
        message: expect.stringMatching(/^The heart colour \(heartColor\) must be a colour like #FF3355/),
      }),
    );
  });

  it("names the preset when it does not exist", () => {
    expect(() => configurationFromPreset("neon")).toThrowError(/Choose one of/);
  });
});

describe("parseUserPresets", () => {
  it("accepts valid presets and fills the widget type", () => {
    const { presets, problems } = parseUserPresets(
      [{ id: "blue", label: "Blue heart", configuration: { heartEnabled: true, heartColor: "#0000FFFF" } }],
      "pulsekit.presets",
    );
    expect(problems).toEqual([]);
    expect(presets).toEqual([
      {
        id: "blue",
        label: "Blue heart",
        description: "",
        metaId: BASIC_BPM_META_ID,
        configuration: { heartEnabled: true, heartColor: "#0000FFFF" },
      },
    ]);
  });

  it("skips a broken entry with a sentence naming its field and the setting", () => {
    const { presets, problems } = parseUserPresets(
      [
        { id: "Bad Id", label: "x", configuration: {} },
        { id: "ok", label: "Fine", configuration: { heartColor: "red" } },
        { id: "fine", label: "Fine", configuration: {} },
      ],
      "pulsekit.presets",
    );
    expect(presets.map((p) => p.id)).toEqual(["fine"]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(
      /^presets\[0\]\.id must be lowercase letters.*\(up to 40\), so that preset was skipped\. Fix it in the pulsekit\.presets setting\.$/,
    );
    expect(problems[1]).toContain("presets[1].configuration.heartColor");
  });

  it("ignores a setting that is not a list, and reads nothing from no setting", () => {
    expect(parseUserPresets({}, "pulsekit.presets").problems).toEqual([
      "The pulsekit.presets setting must be a list of presets; it was ignored.",
    ]);
    expect(parseUserPresets(undefined, "pulsekit.presets")).toEqual({ presets: [], problems: [] });
  });
});

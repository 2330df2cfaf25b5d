import { describe, expect, it } from "vitest";
import { BASIC_BPM_META_ID } from "./meta.js";
import { configurationFromPreset, DEFAULT_PRESET_ID, getPreset, listPresets, widgetPresetSchema } from "./presets.js";
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
    expect(() => getPreset("neon")).toThrowError(/"neon" is not a preset. Choose one of: classic, minimal, zones/);
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
    expect(() => configurationFromPreset("zones", { heartColor: "green" })).toThrowError(/configuration.heartColor/);
  });

  it("names the preset when it does not exist", () => {
    expect(() => configurationFromPreset("neon")).toThrowError(/Choose one of/);
  });
});

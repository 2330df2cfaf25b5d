import { getPreset } from "@pulsekit/core";
import { describe, expect, it } from "vitest";
import { parseHeartRateSettings, presetZones, withZones, zonesOf } from "./zones.js";

describe("a key's zones", () => {
  it("are the zones preset's ranges when the key has none", () => {
    expect(zonesOf(parseHeartRateSettings({}))).toEqual(getPreset("zones").configuration.ranges);
    expect(zonesOf(parseHeartRateSettings(undefined))).toEqual(presetZones());
    expect(zonesOf(parseHeartRateSettings({ zones: [] }))).toEqual(presetZones());
  });

  it("are the key's own when it has valid ones, colours stored as #RRGGBBAA", () => {
    expect(zonesOf(parseHeartRateSettings({ zones: [{ from: 0, to: 120, color: "#00FF00" }] }))).toEqual([
      { from: 0, to: 120, color: "#00FF00FF" },
    ]);
  });

  it("fall back to the preset when the stored list does not parse, and keep other settings", () => {
    const settings = parseHeartRateSettings({ zones: [{ from: 120, to: 10, color: "#00FF00" }], other: 1 });
    expect(zonesOf(settings)).toEqual(presetZones());
    expect(settings).toMatchObject({ other: 1 });
  });

  it("are stored over the other settings, or removed to use the preset again", () => {
    const stored = withZones({ other: "kept", zones: [] }, [{ from: 1, to: 2, color: "#010203FF" }]);
    expect(stored).toEqual({ other: "kept", zones: [{ from: 1, to: 2, color: "#010203FF" }] });
    expect(withZones(stored, undefined)).toEqual({ other: "kept" });
  });
});

import { describe, expect, it } from "vitest";
import { closestWord } from "./closest-word.js";
import { fieldLabel } from "./field-label.js";

describe("fieldLabel", () => {
  it.each([
    ["name", "the widget name"],
    ["configuration.heartColor", "the heart colour (heartColor)"],
    ["configuration.ranges[1].color", "the colour of range 2 (ranges[1].color)"],
    ["configuration.ranges[0].from", "the lowest bpm of range 1 (ranges[0].from)"],
    ["configuration.ranges[0]", "heart-rate range 1 (ranges[0])"],
    ["configuration.ranges[0].label", "ranges[0].label in the configuration"],
    ["configuration.extra.deep", "extra.deep in the configuration"],
    ["presets[2].id", "presets[2].id"],
  ])("%s reads as %j", (field, label) => {
    expect(fieldLabel(field)).toBe(label);
  });
});

describe("closestWord", () => {
  it("suggests the nearest candidate within a third of its length, in any case", () => {
    expect(closestWord("zonez", ["classic", "minimal", "zones"])).toBe("zones");
    expect(closestWord("MINIMLA", ["classic", "minimal", "zones"])).toBe("minimal");
    expect(closestWord("neon", ["classic", "minimal", "zones"])).toBeUndefined();
    expect(closestWord("x", [])).toBeUndefined();
  });
});

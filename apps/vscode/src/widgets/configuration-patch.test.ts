import { describe, expect, it } from "vitest";
import { configurationPatch } from "./configuration-patch";

describe("configurationPatch", () => {
  it("contains only what changed, with removed keys as null", () => {
    const before = { heartEnabled: true, heartColor: "#FF0000FF", font: "Inter", custom: { a: 1, b: 2 } };
    const after = { heartEnabled: false, heartColor: "#FF0000FF", custom: { a: 1, b: 3 } };
    expect(configurationPatch(before, after)).toEqual({ heartEnabled: false, font: null, custom: { b: 3 } });
  });

  it("replaces arrays whole and is empty when nothing changed", () => {
    const ranges = [{ from: 0, to: 100, color: "#00FF00FF" }];
    expect(configurationPatch({ ranges }, { ranges: [...ranges, { from: 101, to: 200, color: "#FF0000FF" }] })).toEqual(
      {
        ranges: [...ranges, { from: 101, to: 200, color: "#FF0000FF" }],
      },
    );
    expect(configurationPatch({ ranges }, { ranges: structuredClone(ranges) })).toEqual({});
  });
});

import { describe, expect, it } from "vitest";
import { applyMergePatch, createMergePatch } from "./merge-patch.js";

describe("applyMergePatch", () => {
  it("changes only the keys the patch names", () => {
    expect(applyMergePatch({ heartEnabled: true, font: "A", extra: 1 }, { heartEnabled: false })).toEqual({
      heartEnabled: false,
      font: "A",
      extra: 1,
    });
  });

  it("replaces lists whole, merges objects and removes keys set to null", () => {
    const current = { ranges: [{ from: 1 }], style: { a: 1, b: 2 }, font: "A" };
    expect(applyMergePatch(current, { ranges: [], style: { b: 3 }, font: null })).toEqual({
      ranges: [],
      style: { a: 1, b: 3 },
    });
  });

  it("does not change its input", () => {
    const current = { style: { a: 1 } };
    applyMergePatch(current, { style: { a: 2 } });
    expect(current).toEqual({ style: { a: 1 } });
  });
});

describe("createMergePatch", () => {
  it("contains only what changed, with removed keys as null", () => {
    const before = { heartEnabled: true, heartColor: "#FF0000FF", font: "Inter", custom: { a: 1, b: 2 } };
    const after = { heartEnabled: false, heartColor: "#FF0000FF", custom: { a: 1, b: 3 } };
    expect(createMergePatch(before, after)).toEqual({ heartEnabled: false, font: null, custom: { b: 3 } });
  });

  it("gives back `after` when applied to `before`", () => {
    const before = { heartEnabled: true, font: "Inter", custom: { a: 1, b: 2 } };
    const after = { heartEnabled: false, custom: { b: 3, c: [1] } };
    expect(applyMergePatch(before, createMergePatch(before, after))).toEqual(after);
  });

  it("replaces arrays whole and is empty when nothing changed", () => {
    const ranges = [{ from: 0, to: 100, color: "#00FF00FF" }];
    expect(createMergePatch({ ranges }, { ranges: [...ranges, { from: 101, to: 200, color: "#FF0000FF" }] })).toEqual({
      ranges: [...ranges, { from: 101, to: 200, color: "#FF0000FF" }],
    });
    expect(createMergePatch({ ranges }, { ranges: structuredClone(ranges) })).toEqual({});
  });
});

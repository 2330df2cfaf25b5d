import { describe, expect, it } from "vitest";
import { applyMergePatch } from "./merge-patch.js";

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

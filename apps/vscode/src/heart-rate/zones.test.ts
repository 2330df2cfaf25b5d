import { describe, expect, it } from "vitest";
import { zoneBackground, zoneOf } from "./zones";

describe("the status bar's zones (the zones preset)", () => {
  it.each([
    [60, undefined],
    [99, undefined],
    [100, undefined],
    [139, undefined],
    [140, "statusBarItem.warningBackground"],
    [169, "statusBarItem.warningBackground"],
    [170, "statusBarItem.errorBackground"],
    [220, "statusBarItem.errorBackground"],
  ])("gives %i bpm the background %s", (bpm, background) => {
    expect(zoneBackground(bpm)).toBe(background);
  });

  it("names the zone a reading is in, counted from the lowest", () => {
    expect(zoneOf(150)).toMatchObject({ number: 3, count: 4, zone: { from: 140, to: 169 } });
  });

  it("uses the top zone of any ranges, listed in any order, and nothing outside them", () => {
    const zones = [
      { from: 150, to: 200, color: "#FF0000FF" },
      { from: 50, to: 99, color: "#0000FFFF" },
      { from: 100, to: 149, color: "#00FF00FF" },
    ];
    expect(zoneBackground(180, zones)).toBe("statusBarItem.errorBackground");
    expect(zoneBackground(120, zones)).toBe("statusBarItem.warningBackground");
    expect(zoneBackground(60, zones)).toBeUndefined();
    expect(zoneBackground(30, zones)).toBeUndefined();
  });
});

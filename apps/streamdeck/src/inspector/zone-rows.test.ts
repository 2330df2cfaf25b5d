import { describe, expect, it } from "vitest";
import { rowsOf, zonesFromRows } from "./zone-rows.js";

describe("the zone editor's rows", () => {
  it("make zones when each reads well", () => {
    expect(
      zonesFromRows([
        { from: "0", to: "99", color: "#112233" },
        { from: " 100 ", to: "300", color: "#44556677" },
      ]),
    ).toEqual({
      ok: true,
      zones: [
        { from: 0, to: 99, color: "#112233FF" },
        { from: 100, to: 300, color: "#44556677" },
      ],
    });
  });

  it.each([
    [{ from: "", to: "99", color: "#112233" }, /Zone 1: "from"/],
    [{ from: "120", to: "99", color: "#112233" }, /Zone 1: the range must have from <= to/],
    [{ from: "0", to: "99", color: "red" }, /Zone 1: the colour must be a colour like #FF3355/],
    [{ from: "0", to: "400", color: "#112233" }, /Zone 1: "to"/],
  ])("name the row and the field of a mistake (%o)", (row, message) => {
    const result = zonesFromRows([row]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.row).toBe(1);
      expect(result.error).toMatch(message);
    }
  });

  it("ask for at least one zone", () => {
    expect(zonesFromRows([])).toMatchObject({ ok: false, row: 0 });
  });

  it("show stored zones as rows", () => {
    expect(rowsOf([{ from: 0, to: 99, color: "#112233FF" }])).toEqual([{ from: "0", to: "99", color: "#112233FF" }]);
  });
});

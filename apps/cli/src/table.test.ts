import { describe, expect, it } from "vitest";
import { describeExpiry } from "./expiry.js";
import { formatTable } from "./table.js";

describe("formatTable", () => {
  it("pads every column but the last to its widest cell", () => {
    expect(
      formatTable([
        ["NAME", "ID"],
        ["Stream heart", "a1"],
        ["x", "b2"],
      ]),
    ).toBe("NAME          ID\nStream heart  a1\nx             b2");
  });
});

describe("describeExpiry", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  it("gives the date and the time left in the largest whole unit", () => {
    expect(describeExpiry(3 * 86_400 + 5, now)).toBe("2026-01-04 00:00 UTC (in 3 days)");
    expect(describeExpiry(3600, now)).toBe("2026-01-01 01:00 UTC (in 1 hour)");
    expect(describeExpiry(30, now)).toBe("2026-01-01 00:00 UTC (in 1 minute)");
  });
  it("calls a non-positive lifetime expired", () => {
    expect(describeExpiry(0, now)).toBe("expired");
  });
});

import { describe, expect, it } from "vitest";
import { createDeviceRegistry, normalizeUserCode } from "./devices.js";

describe("normalizeUserCode", () => {
  it.each([
    ["bcdf-ghjk", "BCDF-GHJK"],
    ["BCDFGHJK", "BCDF-GHJK"],
    [" bcdf ghjk ", "BCDF-GHJK"],
    ["short", "SHORT"],
  ])("turns %j into %j", (input, expected) => {
    expect(normalizeUserCode(input)).toBe(expected);
  });
});

describe("createDeviceRegistry", () => {
  it("hands out distinct codes without vowels and finds them by either code", () => {
    const registry = createDeviceRegistry();
    const devices = Array.from({ length: 50 }, () =>
      registry.start({ clientId: "c", scopes: [], interval: 0, expiresIn: 60 }),
    );
    expect(new Set(devices.map((d) => d.userCode)).size).toBe(50);
    expect(new Set(devices.map((d) => d.deviceCode)).size).toBe(50);
    for (const device of devices) expect(device.userCode).toMatch(/^[B-DF-HJ-NP-TV-XZ]{4}-[B-DF-HJ-NP-TV-XZ]{4}$/);
    const [first] = devices;
    expect(registry.byUserCode(first?.userCode.toLowerCase() ?? "")).toBe(first);
    expect(registry.byDeviceCode(first?.deviceCode ?? "")).toBe(first);
  });
});

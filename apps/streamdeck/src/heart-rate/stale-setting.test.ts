import { describe, expect, it } from "vitest";
import { staleAfterMsFrom } from "./stale-setting.js";

describe("PULSEKIT_HEART_RATE_STALE_MS", () => {
  it("sets the stale time for tests, within bounds", () => {
    expect(staleAfterMsFrom({ PULSEKIT_HEART_RATE_STALE_MS: "1000" })).toBe(1000);
    expect(staleAfterMsFrom({})).toBeUndefined();
    expect(staleAfterMsFrom({ PULSEKIT_HEART_RATE_STALE_MS: "10" })).toBeUndefined();
    expect(staleAfterMsFrom({ PULSEKIT_HEART_RATE_STALE_MS: "soon" })).toBeUndefined();
  });
});

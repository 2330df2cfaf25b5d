import { describe, expect, it } from "vitest";
import { useEmulator } from "./emulator.js";
import { rejection } from "./reject.js";

const ctx = useEmulator();

describe("getLatestHeartRate", () => {
  it("is null while Pulsoid has no reading (412), then the latest one", async () => {
    const client = ctx.client({}, ["data:heart_rate:read"]);
    expect(await client.getLatestHeartRate()).toBeNull();
    ctx.emulator.setHeartRate(77, 1_700_000_000_000);
    expect(await client.getLatestHeartRate()).toEqual({ bpm: 77, measuredAt: 1_700_000_000_000 });
    expect(ctx.emulator.requests().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "GET /api/v1/data/heart_rate/latest 412",
      "GET /api/v1/data/heart_rate/latest 200",
    ]);
  });

  it("names the missing permission when the token lacks data:heart_rate:read", async () => {
    const error = await rejection(ctx.client({}, ["widgets:read"]).getLatestHeartRate());
    expect(error.kind).toBe("insufficient_scope");
  });
});

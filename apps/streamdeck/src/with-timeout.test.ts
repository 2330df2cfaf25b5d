import { describe, expect, it } from "vitest";
import { StepTimeoutError, withTimeout } from "./with-timeout.js";

describe("withTimeout", () => {
  it("passes through a value or an error that comes in time", async () => {
    await expect(withTimeout(Promise.resolve(1), 50, "x")).resolves.toBe(1);
    await expect(withTimeout(Promise.reject(new Error("no")), 50, "x")).rejects.toThrow("no");
  });

  it("rejects with the step's name once the time is up", async () => {
    const error = await withTimeout(new Promise(() => {}), 10, "Stream Deck").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StepTimeoutError);
    expect((error as Error).message).toBe("Stream Deck did not answer within 0 s.");
  });
});

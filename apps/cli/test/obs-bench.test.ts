import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runNode } from "./helpers.js";

const benchScript = resolve(fileURLToPath(new URL(".", import.meta.url)), "../scripts/obs-bench.mjs");

// a smoke run: proves the measurement still runs end to end, never judges the numbers
describe("pnpm bench:obs", () => {
  it("times widgets create --obs to the source in the fake OBS and to exit", async () => {
    const run = await runNode(benchScript, ["--runs", "1"], { env: { PATH: process.env.PATH ?? "" } });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/to the source in OBS {2}median \d+ ms/);
    expect(run.stdout).toMatch(/\(no OBS\): to exit median \d+ ms/);
  });
});

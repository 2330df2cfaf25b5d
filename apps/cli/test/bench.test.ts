import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const benchScript = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../../scripts/bench.mjs");

// a smoke run with few requests: proves the benchmark still runs end to end, never judges the numbers
describe("pnpm bench", () => {
  it("measures every row: client and bare fetch, the rate-limited client, and the CLI", async () => {
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((done, reject) => {
      const child = spawn(process.execPath, [benchScript, "--no-setup", "--quick", "--json"], {
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" },
        stdio: ["ignore", "pipe", "inherit"],
      });
      let out = "";
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
        out += chunk;
      });
      child.on("error", reject);
      child.on("close", (exitCode) => done({ code: exitCode, stdout: out }));
    });
    expect(code).toBe(0);
    const results = JSON.parse(stdout) as Record<
      string,
      { bare?: { median: number }; client?: { median: number }; roundRatios?: { p25: number; p75: number } }
    >;
    for (const phase of [
      "createWidget sequential",
      "createWidget 16 in flight",
      "listWidgets sequential",
      "listWidgets 16 in flight",
      "listWidgets sequential, 20 ms away",
    ]) {
      expect(results[phase]?.bare?.median).toBeGreaterThan(0);
      expect(results[phase]?.client?.median).toBeGreaterThan(0);
      const spread = results[phase]?.roundRatios;
      expect(spread?.p25).toBeGreaterThan(0);
      expect(spread?.p75).toBeGreaterThanOrEqual(spread?.p25 ?? Number.POSITIVE_INFINITY);
    }
    for (const row of ["throttled", "version", "cliCreate"]) {
      expect((results[row] as { median: number }).median).toBeGreaterThan(0);
    }
  }, 120_000);
});

import { describe, expect, it } from "vitest";
import { requestLines, runCli, useEmulator, useTempHome } from "./helpers.js";

const home = useTempHome();
const emu = useEmulator();

describe("widgets create against a Pulsoid that never answers", () => {
  it("ends within core's 30 s deadline with a timeout message and exit code 1", { timeout: 60_000 }, async () => {
    const token = emu.emulator.seedToken({ scopes: ["widgets:read", "widgets:update"] });
    emu.emulator.addFault({ hang: true, times: 1000 });
    const started = Date.now();
    const run = await runCli(["widgets", "create", "--name", "Hung"], home, {
      env: { PULSOID_API_URL: emu.url, PULSOID_TOKEN: token },
    });
    const seconds = (Date.now() - started) / 1000;
    expect(run.code).toBe(1);
    expect(seconds).toBeLessThan(36);
    expect(run.stderr).toMatch(/did not (answer|finish) within \d+ s/);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    // the list never answered, so the create was never sent and nothing may have been made
    expect(run.stderr).not.toMatch(/may have been created/);
    expect(await requestLines(emu.url)).not.toContain("POST /api/v1/widgets");
  });
});

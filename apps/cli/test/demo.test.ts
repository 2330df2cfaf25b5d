import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type CliRun, cliEnv, loggedRequests, runNode, useEmulator, useTempHome } from "./helpers.js";

const demoScript = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../../scripts/demo.mjs");
const home = useTempHome();
const emu = useEmulator();

// --no-setup: the install and build are what `npm test` has just done; the rest of the demo runs as is
function runDemo(env: Record<string, string>): Promise<CliRun> {
  return runNode(demoScript, ["--no-setup"], { env: cliEnv(home, env) });
}

describe("npm run demo", () => {
  it("creates a widget from the default preset on its own emulator and prints the OBS URL", async () => {
    const run = await runDemo({});
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("started the local Pulsoid emulator");
    expect(run.stdout).toContain("Name:           PulseKit demo");
    expect(run.stdout).toMatch(/OBS browser-source URL: https:\/\/pulsoid\.net\/widget\/view\/[0-9a-f-]{36}/);
    expect(run.stdout).toContain('"heartEnabled":true');
    // then a few live readings from the emulator's workout pattern, ended with Ctrl-C as a person would
    expect(run.stdout.match(/^\d\d:\d\d:\d\d {2}\d+ bpm$/gm)?.length).toBeGreaterThanOrEqual(2);
    expect(run.stderr).toMatch(/Stopped after \d+ readings\./);
  });

  it("uses the Pulsoid that PULSOID_API_URL names when PULSOID_TOKEN is set, skipping a heart rate it may not read", async () => {
    const token = emu.emulator.seedToken({ scopes: ["widgets:read", "widgets:update"] });
    const run = await runDemo({ PULSOID_TOKEN: token, PULSOID_API_URL: emu.url });
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain("started the local Pulsoid emulator");
    const [widget] = emu.emulator.widgets();
    expect(widget?.name).toBe("PulseKit demo");
    expect(run.stdout).toContain(`https://pulsoid.net/widget/view/${widget?.id}`);
    expect(`${run.stdout}${run.stderr}`).not.toContain(token);
    expect(await loggedRequests(emu.url)).toEqual([
      expect.objectContaining({ method: "GET", path: "/api/v1/widgets", status: 200 }),
      expect.objectContaining({ method: "POST", path: "/api/v1/widgets", status: 200 }),
      expect.objectContaining({ method: "GET", path: "/api/v1/data/heart_rate/latest", status: 400 }),
    ]);
    expect(run.stdout).not.toContain("bpm");
    expect(run.stderr).not.toContain("data:heart_rate:read");
  });

  it("shows the latest reading when that token may read it", async () => {
    const token = emu.emulator.seedToken({ scopes: ["widgets:read", "widgets:update", "data:heart_rate:read"] });
    emu.emulator.sendHeartRate(72);
    const run = await runDemo({ PULSOID_TOKEN: token, PULSOID_API_URL: emu.url });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Heart rate: 72 bpm, measured (just now|\d s ago)$/m);
  });
});

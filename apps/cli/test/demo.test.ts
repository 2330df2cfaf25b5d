import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { closedObsAddress } from "@pulsekit/obs/fake";
import { describe, expect, it } from "vitest";
import { type CliRun, cliEnv, loggedRequests, runNode, useEmulator, useFakeObs, useTempHome } from "./helpers.js";

const demoScript = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../../scripts/demo.mjs");
const home = useTempHome();
const emu = useEmulator();
const fake = useFakeObs({ password: "demo-obs-pass", scenes: ["Live", "BRB"] });

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
    // without OBS_WEBSOCKET_URL the OBS step is only mentioned
    expect(run.stderr).toContain("demo: set OBS_WEBSOCKET_URL (and OBS_WEBSOCKET_PASSWORD if OBS has one)");
    expect(fake.requests()).toEqual([]);
  });

  it("places the widget in OBS's scene on air when OBS_WEBSOCKET_URL is set", async () => {
    const run = await runDemo({ OBS_WEBSOCKET_URL: fake.url, OBS_WEBSOCKET_PASSWORD: "demo-obs-pass" });
    expect(run.code).toBe(0);
    const id = run.stdout.match(/^ID:\s+(\S+)$/m)?.[1];
    expect(run.stderr).toContain(`demo: OBS_WEBSOCKET_URL is set: pulsekit obs add ${id}`);
    expect(run.stderr).toContain('✓ Added "PulseKit demo" to the OBS scene "Live" as a browser source.');
    expect(fake.requests().find((request) => request.requestType === "CreateInput")?.requestData).toMatchObject({
      sceneName: "Live",
      inputName: "PulseKit demo",
      inputSettings: { url: `https://pulsoid.net/widget/view/${id}` },
    });
    expect(`${run.stdout}${run.stderr}`).not.toContain("demo-obs-pass");
    // the live readings still follow
    expect(run.stdout.match(/^\d\d:\d\d:\d\d {2}\d+ bpm$/gm)?.length).toBeGreaterThanOrEqual(2);
  });

  it("shows why OBS failed and carries on when OBS is not there", async () => {
    const run = await runDemo({ OBS_WEBSOCKET_URL: await closedObsAddress() });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("error: Could not reach OBS at ws://127.0.0.1:");
    expect(run.stderr).toContain(
      "demo: placing the widget in OBS did not work (exit 1, the reason is above); the demo goes on",
    );
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

import { existsSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { type RunningCli, runCli, startCli, useEmulator, useTempHome } from "./helpers.js";

const home = useTempHome();
const emu = useEmulator();
const HEART_RATE = ["widgets:read", "widgets:update", "data:heart_rate:read"];

function withToken(scopes = HEART_RATE) {
  const token = emu.emulator.seedToken({ scopes });
  return { token, env: { PULSOID_API_URL: emu.url, PULSOID_TOKEN: token } };
}

/** resolves once the watch holds a real-time connection, so a reading pushed now reaches it */
async function connected(): Promise<void> {
  await vi.waitFor(() => expect(emu.emulator.realTimeConnections()).toBeGreaterThan(0), { timeout: 5000 });
}

/** Ctrl-C, and what the watch left behind */
async function interrupt(watch: RunningCli) {
  watch.child.kill("SIGINT");
  return watch.done;
}

describe("heart-rate", () => {
  it("prints the latest reading with how long ago it was measured", async () => {
    const { env, token } = withToken();
    emu.emulator.sendHeartRate(72);
    const run = await runCli(["heart-rate"], home, { env });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^72 bpm, measured (just now|\d s ago)\n$/);
    expect(`${run.stdout}${run.stderr}`).not.toContain(token);
  });

  it("prints {bpm, measuredAt} as one JSON line with --json", async () => {
    const { env } = withToken();
    emu.emulator.setHeartRate(64, Date.UTC(2026, 0, 2, 3, 4, 5));
    const run = await runCli(["heart-rate", "--json"], home, { env });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('{"bpm":64,"measuredAt":"2026-01-02T03:04:05.000Z"}\n');
  });

  it("exits 1 and says the sensor has sent nothing yet when Pulsoid has no reading (412)", async () => {
    const { env } = withToken();
    const run = await runCli(["heart-rate"], home, { env });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(
      "Pulsoid has no heart-rate reading from this account yet: the sensor has sent nothing.",
    );
    expect(run.stderr).toContain("pulsekit heart-rate --watch");
  });

  it.each([[[]], [["--watch"]]])("exits 3 naming data:heart_rate:read when the token lacks it (%j)", async (flags) => {
    const { env, token } = withToken(["widgets:read", "widgets:update"]);
    emu.emulator.sendHeartRate(72);
    const run = await runCli(["heart-rate", ...flags], home, { env });
    expect(run.code).toBe(3);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("missing the permission data:heart_rate:read");
    expect(run.stderr).toContain("create a token with data:heart_rate:read at https://pulsoid.net/ui/keys");
    expect(`${run.stdout}${run.stderr}`).not.toContain(token);
  });

  it.each([
    ["the latest reading", [], "/api/v1/data/heart_rate/latest"],
    ["--watch", ["--watch"], "/api/v1/token/validate"],
  ])("exits 1 saying the plan is missing when Pulsoid answers 402 for %s", async (_label, flags, path) => {
    const { env } = withToken();
    emu.emulator.addFault({ path, status: 402, errorCode: 7007 });
    const run = await runCli(["heart-rate", ...flags], home, { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("paid Pulsoid plan (BRO)");
  });
});

describe("heart-rate --watch", () => {
  it("prints exactly the pushed readings as JSON lines and exits 130 on Ctrl-C", async () => {
    const { env, token } = withToken();
    const watch = startCli(["heart-rate", "--watch", "--json"], home, { env });
    await connected();
    const pushed = [
      { bpm: 71, measuredAt: Date.UTC(2026, 0, 2, 3, 4, 5) },
      { bpm: 88, measuredAt: Date.UTC(2026, 0, 2, 3, 4, 6) },
      { bpm: 104, measuredAt: Date.UTC(2026, 0, 2, 3, 4, 7) },
    ];
    for (const reading of pushed) emu.emulator.setHeartRate(reading.bpm, reading.measuredAt);
    await watch.waitFor(/"bpm":104.*\n/, "stdout");
    const run = await interrupt(watch);
    expect(run.code).toBe(130);
    expect(
      run.stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line)),
    ).toEqual(pushed.map((r) => ({ bpm: r.bpm, measuredAt: new Date(r.measuredAt).toISOString() })));
    expect(run.stderr).toContain("Stopped after 3 readings.");
    expect(run.stderr).not.toContain("error");
    expect(`${run.stdout}${run.stderr}`).not.toContain(token);
    // the stream closed with it
    await vi.waitFor(() => expect(emu.emulator.realTimeConnections()).toBe(0));
  });

  it("prints a time and the bpm per reading", async () => {
    const { env } = withToken();
    const watch = startCli(["heart-rate", "--watch"], home, { env });
    await connected();
    emu.emulator.sendHeartRate(72);
    emu.emulator.sendHeartRate(75);
    await watch.waitFor(/75 bpm\n/, "stdout");
    const run = await interrupt(watch);
    expect(run.stdout).toMatch(/^\d\d:\d\d:\d\d {2}72 bpm\n\d\d:\d\d:\d\d {2}75 bpm\n$/);
    expect(run.code).toBe(130);
  });

  it("carries on after the connection drops, saying it lost and got it back", async () => {
    const { env, token } = withToken();
    const watch = startCli(["heart-rate", "--watch"], home, { env });
    await connected();
    emu.emulator.sendHeartRate(70);
    await watch.waitFor(/70 bpm\n/, "stdout");
    expect(emu.emulator.dropRealTime()).toBe(1);
    await watch.waitFor(/connection lost, reconnecting in \d+ s\n/, "stderr");
    await connected();
    emu.emulator.sendHeartRate(81);
    await watch.waitFor(/81 bpm\n/, "stdout");
    const run = await interrupt(watch);
    expect(run.code).toBe(130);
    expect(run.stderr).toMatch(/\d\d:\d\d:\d\d {2}reconnected\n/);
    expect(run.stdout).toMatch(/70 bpm\n.*81 bpm\n$/);
    expect(`${run.stdout}${run.stderr}`).not.toContain(token);
  });

  it("stops with exit 3 asking to sign in when the token is revoked, and keeps the token file", async () => {
    const token = emu.emulator.seedToken({ scopes: HEART_RATE });
    const env = { PULSOID_API_URL: emu.url };
    expect((await runCli(["token", "set"], home, { env, input: token })).code).toBe(0);
    const watch = startCli(["heart-rate", "--watch"], home, { env });
    await connected();
    emu.emulator.sendHeartRate(66);
    await watch.waitFor(/66 bpm\n/, "stdout");
    emu.emulator.revokeToken(token);
    const run = await watch.done;
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("Sign in again");
    expect(run.stderr).toContain(`That token came from ${home.tokenPath}`);
    expect(existsSync(home.tokenPath)).toBe(true);
    expect(`${run.stdout}${run.stderr}`).not.toContain(token);
  });
});

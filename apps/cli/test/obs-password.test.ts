import { describe, expect, it } from "vitest";
import { type CliRun, runCli, useEmulator, useFakeObs, useTempHome } from "./helpers.js";

// the password OBS asks for; it must never be printed, whatever else is
const CANARY = "canary-obs-pass-7f3a";
const home = useTempHome();
const emu = useEmulator();
// a scene named like the password: the one way OBS itself could make pulsekit print it
const fake = useFakeObs({ password: CANARY, scenes: ["Scene", `Scene ${CANARY}`] });

function env(password: string | undefined) {
  const token = emu.emulator.seedToken({ scopes: ["widgets:read", "widgets:update"] });
  return {
    PULSOID_API_URL: emu.url,
    PULSOID_TOKEN: token,
    OBS_WEBSOCKET_URL: fake.url,
    ...(password === undefined ? {} : { OBS_WEBSOCKET_PASSWORD: password }),
  };
}

function expectNoCanary(run: CliRun): void {
  expect(`${run.stdout}${run.stderr}`).not.toContain(CANARY);
}

describe("OBS_WEBSOCKET_PASSWORD", () => {
  it("authenticates with the password from the environment", async () => {
    const run = await runCli(["widgets", "create", "--name", "Locked", "--obs", "--debug"], home, {
      env: env(CANARY),
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('✓ Added "Locked" to the OBS scene "Scene"');
    expect(fake.obs.identifies().at(-1)?.accepted).toBe(true);
    expectNoCanary(run);
  });

  it("exits 1 on a wrong password, naming OBS_WEBSOCKET_PASSWORD, after printing the widget", async () => {
    const run = await runCli(["widgets", "create", "--name", "Wrong", "--obs"], home, { env: env("not-it-1234") });
    expect(run.code).toBe(1);
    const [widget] = emu.emulator.widgets();
    expect(run.stdout).toContain(`OBS browser-source URL: https://pulsoid.net/widget/view/${widget?.id}`);
    expect(run.stderr).toMatch(
      /error: OBS at ws:\/\/127\.0\.0\.1:\d+ refused the password\. Copy the server password from OBS \(Tools > WebSocket Server Settings > Show Connect Info\) into the OBS_WEBSOCKET_PASSWORD environment variable, then try again\./,
    );
    expect(`${run.stdout}${run.stderr}`).not.toContain("not-it-1234");
    expect(fake.requests()).toEqual([]);
  });

  it("says a password is needed when none is set", async () => {
    const run = await runCli(["obs", "scenes", "--json"], home, { env: env(undefined) });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).error).toMatchObject({ kind: "auth_failed", exitCode: 1 });
    expect(run.stderr).toContain("asks for a password and none was given");
    expect(run.stderr).toContain("OBS_WEBSOCKET_PASSWORD");
  });

  it("never prints the password: not in --json, not in --debug, not even when OBS echoes it", async () => {
    const runs = [
      await runCli(["obs", "scenes"], home, { env: env(CANARY) }),
      await runCli(["obs", "scenes", "--json", "--debug"], home, { env: env(CANARY) }),
      await runCli(["widgets", "create", "--name", "Canary", "--obs-scene", "Nope", "--json"], home, {
        env: env(CANARY),
      }),
      await runCli(["obs", "add", "Canary", "--scene", "Nope", "--json", "--debug"], home, { env: env(CANARY) }),
      await runCli(["obs", "nope", CANARY], home, { env: env(CANARY) }),
    ];
    expect(runs.map((run) => run.code)).toEqual([0, 0, 2, 2, 2]);
    for (const run of runs) expectNoCanary(run);
    expect(runs[0]?.stdout).toBe("Scene  (on air)\nScene [hidden]\n");
    expect(JSON.parse(runs[2]?.stdout ?? "").obs.scenes).toEqual(["Scene", "Scene [hidden]"]);
  });

  it("has no flag for the password", async () => {
    const run = await runCli(["obs", "scenes", "--password", CANARY], home, { env: env(CANARY) });
    expect(run.code).toBe(2);
    expectNoCanary(run);
  });
});

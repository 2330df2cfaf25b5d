import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { SIGN_IN_SCOPES } from "@pulsekit/core";
import { emulatorHooks } from "@pulsekit/emulator";
import { describe, expect, it } from "vitest";
import { loggedRequests, requestLines, runCli, startCli, useEmulator, useTempHome } from "./helpers.js";

const home = useTempHome();
const emu = useEmulator();
const oauthEnv = () => ({
  PULSOID_API_URL: emu.url,
  PULSOID_OAUTH_URL: emu.url,
  PULSOID_CLIENT_ID: "pulsekit-cli-test",
});

describe("login", () => {
  it("signs in through the device flow once the code is approved, and saves the token privately", async () => {
    emu.emulator.configure({ deviceInterval: 1 });
    const login = startCli(["login", "--json"], home, { env: oauthEnv() });
    const [, userCode] = await login.waitFor(/enter the code (\S+)/, "stderr");
    expect(userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    await login.waitFor(new RegExp(`${emu.url}/activate`), "stderr");
    await emulatorHooks(emu.url).approveDevice(userCode ?? "");
    const run = await login.done;
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ signed_in: true, path: home.tokenPath, username: "emulator-user" });
    expect(statSync(home.tokenPath).mode & 0o777).toBe(0o600);
    const token = readFileSync(home.tokenPath, "utf8").trim();
    expect(`${run.stdout}${run.stderr}`).not.toContain(token);
    const lines = await requestLines(emu.url);
    expect(lines[0]).toBe("POST /oauth2/device_authorization");
    // the account's name, read with the new token, says whose account it is
    expect(lines.slice(-2)).toEqual(["POST /oauth2/token", "GET /api/v1/profile"]);
    const asked = (await loggedRequests(emu.url))[0]?.body as { scope?: string } | undefined;
    // core's sign-in scopes, the profile among them
    expect(asked?.scope).toBe(SIGN_IN_SCOPES.join(","));
    expect(SIGN_IN_SCOPES).toContain("profile:read");

    // the saved token now works for the other commands
    const check = await runCli(["token", "check", "--json"], home, { env: { PULSOID_API_URL: emu.url } });
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({
      source: "file",
      scopes: SIGN_IN_SCOPES,
    });
  });

  it("says whose account it signed in to", async () => {
    emu.emulator.configure({ deviceInterval: 1 });
    const login = startCli(["login"], home, { env: oauthEnv() });
    const [, userCode] = await login.waitFor(/enter the code (\S+)/, "stderr");
    await emulatorHooks(emu.url).approveDevice(userCode ?? "");
    const run = await login.done;
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`✓ Signed in as emulator-user; token saved to ${home.tokenPath}`);
  });

  it("exits 3 and saves nothing when the sign-in is denied", async () => {
    emu.emulator.configure({ deviceInterval: 1 });
    const login = startCli(["login"], home, { env: oauthEnv() });
    const [, userCode] = await login.waitFor(/enter the code (\S+)/, "stderr");
    await emulatorHooks(emu.url).denyDevice(userCode ?? "");
    const run = await login.done;
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/denied/i);
    expect(existsSync(home.tokenPath)).toBe(false);
  });

  it("exits 3 when the code expires before anyone approves it", async () => {
    emu.emulator.configure({ deviceInterval: 1, deviceExpiresIn: 1 });
    const run = await runCli(["login"], home, { env: oauthEnv() });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/expired/);
    expect(existsSync(home.tokenPath)).toBe(false);
  });

  it("stops on Ctrl-C without saving anything", async () => {
    emu.emulator.configure({ deviceInterval: 1 });
    const login = startCli(["login"], home, { env: oauthEnv() });
    await login.waitFor(/Waiting for you to approve/, "stderr");
    login.child.kill("SIGINT");
    const run = await login.done;
    expect(run.code).toBe(130);
    expect(run.stderr).toContain("cancelled");
    expect(existsSync(home.tokenPath)).toBe(false);
  });
});

describe("logout", () => {
  it("revokes the saved token with Pulsoid and deletes the file", async () => {
    const token = emu.emulator.seedToken({ scopes: ["widgets:read", "widgets:update"] });
    await runCli(["token", "set"], home, { env: { PULSOID_API_URL: emu.url }, input: token });
    const run = await runCli(["logout"], home, { env: { PULSOID_API_URL: emu.url } });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("Signed out");
    expect(existsSync(home.tokenPath)).toBe(false);
    const requests = await loggedRequests(emu.url);
    expect(requests.at(-1)).toMatchObject({ method: "POST", path: "/oauth2/revoke", status: 200 });
    // the revoked token no longer works
    const after = await runCli(["token", "check"], home, { env: { PULSOID_API_URL: emu.url, PULSOID_TOKEN: token } });
    expect(after.code).toBe(3);
  });

  it("exits 0 and says so when nobody is signed in", async () => {
    const run = await runCli(["logout"], home, { env: { PULSOID_API_URL: emu.url } });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("not signed in");
    expect(await loggedRequests(emu.url)).toEqual([]);
  });

  /** logout while its revoke is held for a second, and a new token is saved meanwhile (another terminal signs in) */
  async function logoutWhileAnotherSignsIn(revokeFails: boolean) {
    const old = emu.emulator.seedToken({ scopes: ["widgets:read", "widgets:update"] });
    const newer = emu.emulator.seedToken({ scopes: ["widgets:read", "widgets:update"] });
    await runCli(["token", "set"], home, { env: { PULSOID_API_URL: emu.url }, input: old });
    const revoke = { method: "POST", path: "/oauth2/revoke" };
    emu.emulator.addFault({ ...revoke, delayMs: 1_000, ...(revokeFails ? { status: 503 } : {}) });
    // and its retries
    if (revokeFails) emu.emulator.addFault({ ...revoke, status: 503, times: 10 });
    const logout = startCli(["logout", "--json"], home, { env: { PULSOID_API_URL: emu.url } });
    for (let waited = 0; !emu.emulator.requests().some((r) => r.path === "/oauth2/revoke"); waited += 20) {
      if (waited > 10_000) throw new Error("the revoke never arrived");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    writeFileSync(home.tokenPath, `${newer}\n`, { mode: 0o600 });
    return { old, newer, run: await logout.done };
  }

  it("keeps a token saved while the revoke was on its way", async () => {
    const { old, newer, run } = await logoutWhileAnotherSignsIn(false);
    expect(run.code).toBe(0);
    expect(readFileSync(home.tokenPath, "utf8").trim()).toBe(newer);
    expect(JSON.parse(run.stdout)).toMatchObject({ revoked: true, deleted: false, kept: home.tokenPath });
    expect(run.stderr).toMatch(/kept/);
    expect(`${run.stdout}${run.stderr}`).not.toContain(newer);
    // the old token is revoked, the new one still works
    const oldCheck = await runCli(["token", "check"], home, { env: { PULSOID_API_URL: emu.url, PULSOID_TOKEN: old } });
    expect(oldCheck.code).toBe(3);
    const check = await runCli(["token", "check"], home, { env: { PULSOID_API_URL: emu.url } });
    expect(check.code).toBe(0);
  });

  it("keeps a token saved meanwhile also when the revoke fails", async () => {
    const { newer, run } = await logoutWhileAnotherSignsIn(true);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("could not revoke");
    expect(readFileSync(home.tokenPath, "utf8").trim()).toBe(newer);
  });

  it("still deletes the file but exits 1 when Pulsoid cannot revoke the token", async () => {
    const token = emu.emulator.seedToken({ scopes: ["widgets:read"] });
    await runCli(["token", "set"], home, { env: { PULSOID_API_URL: emu.url }, input: token });
    emu.emulator.addFault({ path: "/oauth2/revoke", status: 500, times: 10 });
    const run = await runCli(["logout"], home, { env: { PULSOID_API_URL: emu.url } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("could not revoke");
    expect(existsSync(home.tokenPath)).toBe(false);
  });
});

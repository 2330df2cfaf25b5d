import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { describe, expect, it } from "vitest";
import { loggedRequests, runCli, useEmulator, useTempHome } from "./helpers.js";

const home = useTempHome();
const emu = useEmulator();
const widgetScopes = ["widgets:read", "widgets:update"];

function saveToken(token: string): void {
  mkdirSync(dirname(home.tokenPath), { recursive: true });
  writeFileSync(home.tokenPath, `${token}\n`);
  chmodSync(home.tokenPath, 0o600);
}

describe("login without PULSOID_CLIENT_ID", () => {
  it("leads with the token way in, explains the client id, exits 3 without a stack or a request", async () => {
    const run = await runCli(["login"], home, { env: { PULSOID_OAUTH_URL: emu.url, PULSOID_API_URL: emu.url } });
    expect(run.code).toBe(3);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      [
        "error: Sign in with an access token instead: browser sign-in needs PULSOID_CLIENT_ID, which is not set.",
        "  1. Create a token at https://pulsoid.net/ui/keys (that page needs Pulsoid's BRO plan).",
        "  2. Run `pulsekit token set` and paste it; Pulsoid checks it at once, then it is saved.",
        "A client id is the id Pulsoid gives an app registered at https://pulsoid.net/ui/api-clients; put it in PULSOID_CLIENT_ID to use `pulsekit login`.",
        "",
      ].join("\n"),
    );
    expect(await loggedRequests(emu.url)).toEqual([]);
  });

  it("says the same as JSON with --json, as not signed in", async () => {
    const run = await runCli(["login", "--json"], home, { env: { PULSOID_OAUTH_URL: emu.url } });
    expect(run.code).toBe(3);
    const { error } = JSON.parse(run.stdout) as { error: { kind: string; message: string } };
    expect(error.kind).toBe("not_signed_in");
    expect(error.message).toContain("pulsekit token set");
    expect(error.message).toContain("https://pulsoid.net/ui/api-clients");
  });

  it("points a signed-out command at `pulsekit token set` and not at a login that cannot start", async () => {
    const run = await runCli(["widgets", "list"], home, { env: { PULSOID_API_URL: emu.url } });
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      "error: You are not signed in: run `pulsekit token set` and paste a token from https://pulsoid.net/ui/keys, or set PULSOID_TOKEN.\n",
    );
    const withClient = await runCli(["widgets", "list"], home, {
      env: { PULSOID_API_URL: emu.url, PULSOID_CLIENT_ID: "some-client" },
    });
    expect(withClient.stderr).toContain("run `pulsekit login`, or `pulsekit token set`");
  });
});

describe("a refused token", () => {
  it("from PULSOID_TOKEN names the variable and how to clear it in each shell, exit 3", async () => {
    const run = await runCli(["widgets", "list"], home, {
      env: { PULSOID_API_URL: emu.url, PULSOID_TOKEN: "stale-token-from-last-week" },
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("That token came from PULSOID_TOKEN (it wins over a saved token)");
    expect(run.stderr).toContain(
      "clear it with `unset PULSOID_TOKEN` (PowerShell: `$env:PULSOID_TOKEN=$null`; cmd: `set PULSOID_TOKEN=`)",
    );
    expect(run.stderr).toContain("then sign in with `pulsekit token set`.");
    expect(run.stderr).not.toContain("stale-token-from-last-week");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("from the saved file names the file and the commands that replace it", async () => {
    saveToken("revoked-or-unknown-token");
    const run = await runCli(["widgets", "create", "--name", "X"], home, {
      env: { PULSOID_API_URL: emu.url, PULSOID_CLIENT_ID: "some-client" },
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(
      `That token came from ${home.tokenPath}: replace it with \`pulsekit login\` or \`pulsekit token set\`.`,
    );
    expect(run.stderr).not.toContain("revoked-or-unknown-token");
  });

  it("is named in token check, also with --json", async () => {
    const run = await runCli(["token", "check", "--json"], home, {
      env: { PULSOID_API_URL: emu.url, PULSOID_TOKEN: "stale-token-from-last-week" },
    });
    expect(run.code).toBe(3);
    const { error } = JSON.parse(run.stdout) as { error: { kind: string; message: string } };
    expect(error.kind).toBe("unauthorized");
    expect(error.message).toContain("That token came from PULSOID_TOKEN");
  });
});

describe("PULSOID_TOKEN next to a saved token", () => {
  it("token set warns that PULSOID_TOKEN keeps winning over the token it saved", async () => {
    const stale = emu.emulator.seedToken({ scopes: widgetScopes });
    const fresh = emu.emulator.seedToken({ scopes: widgetScopes });
    const run = await runCli(["token", "set"], home, {
      env: { PULSOID_API_URL: emu.url, PULSOID_TOKEN: stale },
      input: fresh,
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      "warning: PULSOID_TOKEN is set in this shell, so pulsekit keeps using it and not the token just saved. Clear it with `unset PULSOID_TOKEN` (PowerShell: `$env:PULSOID_TOKEN=$null`; cmd: `set PULSOID_TOKEN=`) to use the saved one.",
    );
    const json = await runCli(["token", "set", "--json"], home, {
      env: { PULSOID_API_URL: emu.url, PULSOID_TOKEN: stale },
      input: fresh,
    });
    expect(JSON.parse(json.stdout)).toMatchObject({ saved: true, overridden_by: "PULSOID_TOKEN" });
  });

  it("token set does not warn when PULSOID_TOKEN is not set", async () => {
    const token = emu.emulator.seedToken({ scopes: widgetScopes });
    const run = await runCli(["token", "set", "--json"], home, { env: { PULSOID_API_URL: emu.url }, input: token });
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain("PULSOID_TOKEN");
    expect(JSON.parse(run.stdout)).not.toHaveProperty("overridden_by");
  });

  it("token check says it checked PULSOID_TOKEN and that the saved token is not used meanwhile", async () => {
    const saved = emu.emulator.seedToken({ scopes: widgetScopes });
    const fromEnv = emu.emulator.seedToken({ scopes: widgetScopes });
    saveToken(saved);
    const run = await runCli(["token", "check"], home, { env: { PULSOID_API_URL: emu.url, PULSOID_TOKEN: fromEnv } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Token:    from the PULSOID_TOKEN variable");
    expect(run.stderr).toContain(
      `Checked PULSOID_TOKEN; the token saved in ${home.tokenPath} is not used while it is set.`,
    );
    const fromFile = await runCli(["token", "check"], home, { env: { PULSOID_API_URL: emu.url } });
    expect(fromFile.stdout).toContain(`Token:    from ${home.tokenPath}`);
    expect(fromFile.stderr).not.toContain("Checked PULSOID_TOKEN");
  });
});

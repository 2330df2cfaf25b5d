import { spawn } from "node:child_process";
import { chmodSync, existsSync, readFileSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { describe, expect, it } from "vitest";
import { type CliRun, cliBin, loggedRequests, runCli, useEmulator, useTempHome } from "./helpers.js";

const home = useTempHome();
const emu = useEmulator();
const widgetScopes = ["widgets:read", "widgets:update"];

/** runs `token set` on a real pseudo-terminal (util-linux `script`), typing the token once the prompt shows */
function typeTokenAtPrompt(token: string, env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      "script",
      ["-qfec", `"${process.execPath}" "${cliBin}" token set`, "-E", "never", "/dev/null"],
      {
        env: { PATH: process.env.PATH ?? "", HOME: home.home, XDG_CONFIG_HOME: home.configHome, ...env },
      },
    );
    let output = "";
    let typed = false;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
      if (!typed && output.includes("input is hidden")) {
        typed = true;
        child.stdin.write(`${token}\r`);
      }
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout: output, stderr: "" }));
  });
}

describe("token set", () => {
  it("reads the token from stdin, checks it, and saves it readable only by the user, never echoing it", async () => {
    const token = emu.emulator.seedToken({ scopes: widgetScopes });
    const run = await runCli(["token", "set"], home, { env: { PULSOID_API_URL: emu.url }, input: `${token}\n` });
    expect(run.code).toBe(0);
    expect(readFileSync(home.tokenPath, "utf8").trim()).toBe(token);
    expect(statSync(home.tokenPath).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(home.tokenPath)).mode & 0o777).toBe(0o700);
    expect(run.stdout).not.toContain(token);
    expect(run.stderr).not.toContain(token);
    expect(run.stderr).toContain(home.tokenPath);
    expect(await loggedRequests(emu.url)).toEqual([
      expect.objectContaining({ method: "GET", path: "/api/v1/token/validate", status: 200 }),
    ]);
  });

  it("refuses a pasted token with a space in it, exit 2, naming the token and sending nothing", async () => {
    const run = await runCli(["token", "set"], home, {
      env: { PULSOID_API_URL: emu.url },
      input: "first-half second-half\n",
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/token has spaces or line breaks: copy only the token itself/);
    expect(run.stderr).not.toContain("first-half");
    expect(await loggedRequests(emu.url)).toEqual([]);
  });

  it("reads the token from a hidden prompt on a terminal without showing it", async () => {
    const token = emu.emulator.seedToken({ scopes: widgetScopes });
    const run = await typeTokenAtPrompt(token, { PULSOID_API_URL: emu.url });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("input is hidden");
    expect(run.stdout).toContain("Token saved");
    expect(run.stdout).not.toContain(token);
    expect(readFileSync(home.tokenPath, "utf8").trim()).toBe(token);
  });

  it("does not save a token Pulsoid refuses, and exits 3", async () => {
    const run = await runCli(["token", "set"], home, {
      env: { PULSOID_API_URL: emu.url },
      input: "refused-token-value\n",
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("not saved");
    expect(run.stderr).not.toContain("refused-token-value");
    expect(existsSync(home.tokenPath)).toBe(false);
  });

  it("does not save a token when Pulsoid cannot be reached, and exits 1", async () => {
    const run = await runCli(["token", "set"], home, {
      env: { PULSOID_API_URL: "http://127.0.0.1:9" },
      input: "some-token-value\n",
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("not saved");
    expect(existsSync(home.tokenPath)).toBe(false);
  });

  it("saves a token with missing scopes but warns about them", async () => {
    const token = emu.emulator.seedToken({ scopes: ["widgets:read"] });
    const run = await runCli(["token", "set", "--json"], home, { env: { PULSOID_API_URL: emu.url }, input: token });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ saved: true, missing_scopes: ["widgets:update"] });
    expect(run.stderr).toMatch(/warning:.*widgets:update/);
    expect(existsSync(home.tokenPath)).toBe(true);
  });

  it("refuses a token on the command line without repeating it", async () => {
    const run = await runCli(["token", "set", "--token=argv-secret-value"], home, {
      env: { PULSOID_API_URL: emu.url },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("never takes a token on the command line");
    expect(`${run.stdout}${run.stderr}`).not.toContain("argv-secret-value");
    const positional = await runCli(["token", "set", "argv-secret-value"], home, { env: { PULSOID_API_URL: emu.url } });
    expect(positional.code).toBe(2);
    expect(`${positional.stdout}${positional.stderr}`).not.toContain("argv-secret-value");
    expect(existsSync(home.tokenPath)).toBe(false);
    expect(await loggedRequests(emu.url)).toEqual([]);
  });

  it("exits 2 when stdin is empty", async () => {
    const run = await runCli(["token", "set"], home, { env: { PULSOID_API_URL: emu.url }, input: "" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("No token was given");
  });
});

describe("token check", () => {
  it("shows the client, scopes and expiry of the saved token", async () => {
    const token = emu.emulator.seedToken({ scopes: widgetScopes });
    await runCli(["token", "set"], home, { env: { PULSOID_API_URL: emu.url }, input: token });
    const run = await runCli(["token", "check"], home, { env: { PULSOID_API_URL: emu.url } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Token:    from ${home.tokenPath}`);
    expect(run.stdout).toMatch(/Client:\s+\S+/);
    expect(run.stdout).toContain("Scopes:   widgets:read, widgets:update");
    expect(run.stdout).toMatch(/Expires:\s+\d{4}-\d\d-\d\d .*\(in \d+ days?\)/);
    expect(run.stdout).not.toContain(token);
  });

  it("prefers PULSOID_TOKEN and reports it as JSON with --json", async () => {
    const token = emu.emulator.seedToken({ scopes: ["widgets:read"] });
    const run = await runCli(["token", "check", "--json"], home, {
      env: { PULSOID_API_URL: emu.url, PULSOID_TOKEN: token },
    });
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({
      source: "environment",
      scopes: ["widgets:read"],
      missing_scopes: ["widgets:update"],
    });
    expect(report.expires_in).toBeGreaterThan(0);
    expect(typeof report.client_id).toBe("string");
    expect(run.stdout).not.toContain(token);
    expect(run.stderr).toMatch(/warning:.*widgets:update/);
  });

  it("warns when other users can read the token file", async () => {
    const token = emu.emulator.seedToken({ scopes: widgetScopes });
    await runCli(["token", "set"], home, { env: { PULSOID_API_URL: emu.url }, input: token });
    chmodSync(home.tokenPath, 0o644);
    const run = await runCli(["token", "check"], home, { env: { PULSOID_API_URL: emu.url } });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`warning: ${home.tokenPath} can be read by other users`);
    expect(run.stderr).toContain("chmod 600");
  });

  it("exits 3 when not signed in and when the token is refused", async () => {
    const none = await runCli(["token", "check"], home, { env: { PULSOID_API_URL: emu.url } });
    expect(none.code).toBe(3);
    expect(none.stderr).toContain("not signed in");
    const refused = await runCli(["token", "check", "--json"], home, {
      env: { PULSOID_API_URL: emu.url, PULSOID_TOKEN: "bogus-token-xyz" },
    });
    expect(refused.code).toBe(3);
    expect(JSON.parse(refused.stdout).error).toMatchObject({ kind: "unauthorized", nextStep: "sign_in" });
    expect(refused.stderr).not.toContain("bogus-token-xyz");
  });

  it("exits 1 when Pulsoid is down, without signing the user out", async () => {
    const token = emu.emulator.seedToken({ scopes: widgetScopes });
    await runCli(["token", "set"], home, { env: { PULSOID_API_URL: emu.url }, input: token });
    emu.emulator.addFault({ path: "/api/v1/token/validate", status: 500, times: 10 });
    const run = await runCli(["token", "check"], home, { env: { PULSOID_API_URL: emu.url } });
    expect(run.code).toBe(1);
    expect(readFileSync(home.tokenPath, "utf8").trim()).toBe(token);
  });
});

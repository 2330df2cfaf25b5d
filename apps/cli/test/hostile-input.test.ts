import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli, useEmulator, useTempHome } from "./helpers.js";

const BASIC_BPM = "bf6bdf21-10a7-4a28-97ec-a239e6c77f8b";
const home = useTempHome();
const emu = useEmulator();

/** a token as Pulsoid issues them, known to the emulator */
function seededToken(token?: string): string {
  return emu.emulator.seedToken({ scopes: ["widgets:read", "widgets:update"], ...(token ? { token } : {}) });
}

/** saves the token where `pulsekit token set` would, readable by its owner only */
function saveToken(token: string): void {
  mkdirSync(dirname(home.tokenPath), { recursive: true });
  writeFileSync(home.tokenPath, `${token}\n`);
  chmodSync(home.tokenPath, 0o600);
}

/** every byte a terminal could act on: C0 but tab and newline, DEL, C1 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
const terminalControls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe("--json errors", () => {
  it("hide the token like the plain ones do", async () => {
    const token = seededToken();
    const env = { PULSOID_API_URL: emu.url, PULSOID_TOKEN: token };
    const plain = await runCli(["widgets", "create", "--name", "X", "--preset", token], home, { env });
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain("does not exist");
    const json = await runCli(["widgets", "create", "--name", "X", "--preset", token, "--json"], home, { env });
    expect(json.code).toBe(2);
    const { error } = JSON.parse(json.stdout) as { error: { message: string } };
    expect(error.message).toContain("does not exist");
    expect(`${json.stdout}${json.stderr}`).not.toContain(token);
  });
});

describe("--config from a file", () => {
  it.each([
    ["update", ["widgets", "update", "w1", "--config"]],
    ["create", ["widgets", "create", "--name", "X", "--config"]],
  ])("%s: pointing at the saved token file never prints any of the token", async (_name, args) => {
    // one that starts with letters: JSON.parse quotes the start of such a text in its message
    const token = seededToken("feedface-1234-4abc-8def-0123456789ab");
    saveToken(token);
    for (const json of [false, true]) {
      const run = await runCli([...args, `@${home.tokenPath}`, ...(json ? ["--json"] : [])], home, {
        env: { PULSOID_API_URL: emu.url },
      });
      expect(run.code).toBe(2);
      expect(`${run.stdout}${run.stderr}`).toContain("not valid JSON");
      expect(`${run.stdout}${run.stderr}`).not.toContain(token.slice(0, 4));
    }
  });

  it.each([
    ["update", ["widgets", "update", "w1", "--config"]],
    ["create", ["widgets", "create", "--name", "X", "--config"]],
  ])("%s: a JSON mistake is described by where it is, not by what the file holds", async (_name, args) => {
    const file = join(home.home, "notes.json");
    writeFileSync(file, 'private notes, not JSON\n{"heartEnabled": true}');
    const run = await runCli([...args, `@${file}`], home, { env: { PULSOID_API_URL: emu.url } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/not valid JSON/);
    expect(run.stderr).toContain("line 1, column 1");
    expect(run.stderr).not.toMatch(/private|notes|'p'/);
  });
});

describe("an argument that is the token", () => {
  it.each([
    ["from PULSOID_TOKEN", true],
    ["from the saved file", false],
  ])("is not echoed as an unknown command or option (%s)", async (_name, fromEnv) => {
    const token = seededToken();
    if (!fromEnv) saveToken(token);
    const env = { PULSOID_API_URL: emu.url, ...(fromEnv ? { PULSOID_TOKEN: token } : {}) };
    for (const args of [[token], ["widgets", token], ["widgets", "list", token], ["widgets", "list", `--${token}`]]) {
      const run = await runCli(args, home, { env });
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.stderr, args.join(" ")).toMatch(/error:/);
      expect(`${run.stdout}${run.stderr}`, args.join(" ")).not.toContain(token);
    }
  });
});

describe("text from the server", () => {
  const hostile = "Evil\u001b[2J\u001b]0;owned\u0007 name\u009b31m\u007f\u0001\ttab\nline";

  it("is printed without control characters in the table and the details", async () => {
    const token = seededToken();
    const [stored] = emu.emulator.seedWidgets([{ name: hostile, meta_id: BASIC_BPM, configuration: {} }]);
    const env = { PULSOID_API_URL: emu.url, PULSOID_TOKEN: token };
    const list = await runCli(["widgets", "list"], home, { env });
    expect(list.code).toBe(0);
    expect(list.stdout).not.toMatch(terminalControls);
    const row = list.stdout.split("\n").find((line) => line.includes(stored?.id ?? "?"));
    expect(row).toMatch(/^Evil name tab line +\S+/);
    const update = await runCli(["widgets", "update", stored?.id ?? "", "--config", "{}"], home, { env });
    expect(update.code).toBe(0);
    expect(update.stdout).toContain("Name:           Evil name tab line\n");
    expect(`${update.stdout}${update.stderr}`).not.toMatch(terminalControls);
  });

  it("keeps its exact value in --json, with every control character escaped", async () => {
    const token = seededToken();
    emu.emulator.seedWidgets([{ name: hostile, meta_id: BASIC_BPM, configuration: {} }]);
    const run = await runCli(["widgets", "list", "--json"], home, {
      env: { PULSOID_API_URL: emu.url, PULSOID_TOKEN: token },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(terminalControls);
    expect((JSON.parse(run.stdout) as { name: string }[])[0]?.name).toBe(hostile);
  });

  describe("in Pulsoid's error messages", () => {
    let server: Server | undefined;
    afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

    it("is shown without control characters, in plain and --json errors", async () => {
      server = createServer((_request, response) => {
        response.writeHead(400, { "content-type": "application/json" });
        response.end(JSON.stringify({ error_code: 1, error_message: "bad\u001b]0;owned\u0007 request\u009b2J" }));
      });
      await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const env = { PULSOID_API_URL: url, PULSOID_TOKEN: "token-for-a-test-server" };
      const plain = await runCli(["widgets", "list"], home, { env });
      expect(plain.code).toBe(2);
      expect(plain.stderr).toContain("(bad request)");
      expect(plain.stderr).not.toMatch(terminalControls);
      const json = await runCli(["widgets", "list", "--json"], home, { env });
      expect(json.stdout).not.toMatch(terminalControls);
      expect((JSON.parse(json.stdout) as { error: { message: string } }).error.message).toContain("(bad request)");
    });
  });
});

import { readFileSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, runCliOnTerminal, startCli, useTempHome } from "./helpers.js";

const home = useTempHome();
const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  version: string;
};

const commands = [
  ["widgets", "create"],
  ["widgets", "list"],
  ["widgets", "update"],
  ["widgets", "url"],
  ["token", "set"],
  ["token", "check"],
  ["login"],
  ["logout"],
  ["presets"],
  ["emulator"],
];

describe("pulsekit", () => {
  it("prints its version", async () => {
    const run = await runCli(["--version"], home);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(version);
  });

  it("lists every command in --help with the environment and exit codes", async () => {
    const run = await runCli(["--help"], home);
    expect(run.code).toBe(0);
    for (const name of ["widgets", "token", "login", "logout", "presets", "emulator"]) {
      expect(run.stdout).toMatch(new RegExp(`^  ${name}\\b`, "m"));
    }
    expect(run.stdout).toContain("PULSOID_API_URL");
    expect(run.stdout).toContain("Exit codes:");
  });

  it.each(commands.map((c) => [c.join(" "), c]))("has --help with examples for `%s`", async (_name, command) => {
    const run = await runCli([...command, "--help"], home);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Usage: pulsekit ${command.join(" ")}`);
    expect(run.stdout).toContain("Examples:");
    expect(run.stdout).toContain(`$ pulsekit ${command.join(" ")}`);
  });

  it("exits 2 for an unknown command and suggests the right one", async () => {
    const run = await runCli(["widget", "list"], home);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("widgets");
    expect(run.stdout).toBe("");
  });

  it("exits 2 without a command, showing the help on stderr", async () => {
    const run = await runCli([], home);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Usage: pulsekit");
  });

  it("never repeats the value of an unknown --option=value, which might be a token", async () => {
    const run = await runCli(["widgets", "list", "--tokn=leaked-secret-42"], home);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--tokn");
    expect(run.stderr).not.toContain("leaked-secret-42");
  });

  it("keeps stdout to one JSON document for a usage error with --json", async () => {
    const run = await runCli(["widgets", "create", "--json"], home);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).error.exitCode).toBe(2);
  });

  it("writes no colour codes when stderr is not a terminal, nor with NO_COLOR", async () => {
    const piped = await runCli(["widgets", "list"], home);
    expect(piped.code).toBe(3);
    expect(piped.stderr).toMatch(/^error: /);
    expect(piped.stderr).not.toContain("\u001b[");
    const noColor = await runCli(["widgets", "list"], home, { env: { NO_COLOR: "1" } });
    expect(noColor.stderr).not.toContain("\u001b[");
  });
});

describe("on a terminal", () => {
  it("colours the error label, and stops when NO_COLOR is set", async () => {
    const coloured = await runCliOnTerminal(["widgets", "list"], home);
    expect(coloured.code).toBe(3);
    expect(coloured.stdout).toContain("\u001b[31merror:\u001b[39m You are not signed in");
    const plain = await runCliOnTerminal(["widgets", "list"], home, { env: { NO_COLOR: "1" } });
    expect(plain.code).toBe(3);
    expect(plain.stdout).toContain("error: You are not signed in");
    expect(plain.stdout).not.toContain("\u001b[");
  });
});

describe("presets", () => {
  it("lists the built-in presets with the default marked", async () => {
    const run = await runCli(["presets"], home);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ID\s+NAME\s+DESCRIPTION/);
    expect(run.stdout).toContain("classic (default)");
    expect(run.stdout).toMatch(/^minimal\b/m);
    expect(run.stdout).toMatch(/^zones\b/m);
  });

  it("prints them as JSON with --json", async () => {
    const run = await runCli(["presets", "--json"], home);
    expect(run.code).toBe(0);
    const presets = JSON.parse(run.stdout) as { id: string; default: boolean; configuration: object }[];
    expect(presets.map((p) => p.id)).toEqual(expect.arrayContaining(["classic", "minimal", "zones"]));
    expect(presets.filter((p) => p.default).map((p) => p.id)).toEqual(["classic"]);
  });
});

describe("emulator", () => {
  it("starts a local Pulsoid, prints a token that works, and stops on SIGTERM", async () => {
    const emulator = startCli(["emulator", "--json"], home);
    await emulator.waitFor(/Ctrl-C/, "stderr");
    const { url, token } = JSON.parse((await emulator.waitFor(/\{[\s\S]*\}/, "stdout"))[0]) as {
      url: string;
      token: string;
    };
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const created = await runCli(["widgets", "create", "--name", "From the emulator", "--json"], home, {
      env: { PULSOID_API_URL: url, PULSOID_TOKEN: token },
    });
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout).name).toBe("From the emulator");
    emulator.child.kill("SIGTERM");
    const run = await emulator.done;
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("Emulator stopped");
  });

  it("prints how to point another terminal at it in bash, PowerShell and cmd", async () => {
    const emulator = startCli(["emulator"], home);
    await emulator.waitFor(/Ctrl-C/, "stderr");
    const [, url, token] = (await emulator.waitFor(/running at (\S+)\nToken: (\S+)/, "stdout")) as string[];
    const [exportLine = ""] = await emulator.waitFor(/export .*/, "stdout");
    await emulator.waitFor(/set PULSOID_TOKEN=\S+\n/, "stdout");
    // the bash line, as a shell would read it, points pulsekit at this emulator
    const env = Object.fromEntries(
      exportLine
        .replace(/^export /, "")
        .split(" ")
        .map((pair) => pair.split(/=(.*)/).slice(0, 2)),
    );
    const list = await runCli(["widgets", "list", "--json"], home, { env });
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout)).toEqual([]);
    emulator.child.kill("SIGINT");
    const { stdout } = await emulator.done;
    expect(stdout).toContain(
      `  bash, zsh:\n    export PULSOID_API_URL=${url} PULSOID_OAUTH_URL=${url} PULSOID_TOKEN=${token}\n`,
    );
    expect(stdout).toContain(
      `  PowerShell:\n    $env:PULSOID_API_URL="${url}"; $env:PULSOID_OAUTH_URL="${url}"; $env:PULSOID_TOKEN="${token}"\n`,
    );
    expect(stdout).toContain(
      `  cmd:\n    set PULSOID_API_URL=${url}\n    set PULSOID_OAUTH_URL=${url}\n    set PULSOID_TOKEN=${token}\n`,
    );
  });

  it("keeps widgets in the --data file across restarts", async () => {
    const data = join(home.home, "emulator.json");
    const startOnce = async () => {
      const emulator = startCli(["emulator", "--json", "--data", data], home);
      const { url, token } = JSON.parse((await emulator.waitFor(/\{[\s\S]*\}/, "stdout"))[0]) as {
        url: string;
        token: string;
      };
      return { emulator, env: { PULSOID_API_URL: url, PULSOID_TOKEN: token } };
    };
    const first = await startOnce();
    expect((await runCli(["widgets", "create", "--name", "Kept"], home, { env: first.env })).code).toBe(0);
    first.emulator.child.kill("SIGINT");
    expect((await first.emulator.done).code).toBe(0);

    const second = await startOnce();
    const list = await runCli(["widgets", "list", "--json"], home, { env: second.env });
    second.emulator.child.kill("SIGINT");
    await second.emulator.done;
    expect(JSON.parse(list.stdout).map((w: { name: string }) => w.name)).toEqual(["Kept"]);
  });

  it("exits 1 and suggests another port when the port is taken", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      const run = await runCli(["emulator", "--port", String(port)], home);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("the port is in use");
      expect(run.stderr).toContain("--port");
    } finally {
      blocker.close();
    }
  });

  it("exits 2 for a port that is not a number", async () => {
    const run = await runCli(["emulator", "--port", "http"], home);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("port");
  });
});

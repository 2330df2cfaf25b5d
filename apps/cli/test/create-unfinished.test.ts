import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { requestLines, runCli, startCli, useEmulator, useTempHome } from "./helpers.js";

const home = useTempHome();
const emu = useEmulator();

function withToken() {
  const token = emu.emulator.seedToken({ scopes: ["widgets:read", "widgets:update"] });
  return { PULSOID_API_URL: emu.url, PULSOID_TOKEN: token };
}

/** resolves once the emulator has received `line` ("METHOD /path") */
async function arrived(line: string): Promise<void> {
  for (let waited = 0; waited < 10_000; waited += 20) {
    if (emu.emulator.requests().some((r) => `${r.method} ${r.path}` === line)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${line} never arrived`);
}

/** resolves once the emulator stores this many widgets */
async function storedWidgets(count: number): Promise<void> {
  for (let waited = 0; waited < 20_000; waited += 50) {
    if (emu.emulator.widgets().length === count) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the emulator never stored ${count} widget(s)`);
}

const unfinishedFile = () => join(home.configHome, "pulsekit", "unfinished-creates.json");

describe("widgets create that may have reached Pulsoid", () => {
  it("says so with --json (mayHaveCreated: true, exit 1), and the same command again finds that widget instead of making another", {
    timeout: 60_000,
  }, async () => {
    const env = withToken();
    // stored after 12 s, while the client gives up on the answer after 10 s
    emu.emulator.addFault({ method: "POST", path: "/api/v1/widgets", delayMs: 12_000 });
    const first = await runCli(["widgets", "create", "--name", "Slow", "--json"], home, { env });
    expect(first.code).toBe(1);
    const { error } = JSON.parse(first.stdout);
    expect(error).toMatchObject({ kind: "timeout", exitCode: 1, mayHaveCreated: true, nextStep: "check_widgets" });
    expect(error.message).toContain("pulsekit widgets list");
    expect(first.stderr).toMatch(/may have been created/);
    expect(existsSync(unfinishedFile())).toBe(true);

    await storedWidgets(1);
    const [stored] = emu.emulator.widgets();
    const before = (await requestLines(emu.url)).length;
    const again = await runCli(["widgets", "create", "--name", "Slow", "--json"], home, { env });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).id).toBe(stored?.id);
    expect(emu.emulator.widgets()).toHaveLength(1);
    expect((await requestLines(emu.url)).slice(before)).toEqual(["GET /api/v1/widgets"]);
    expect(existsSync(unfinishedFile())).toBe(false);
  });
});

describe("Ctrl-C during widgets create", () => {
  it("aborts the create in flight, says the widget may have been created, and exits 130", async () => {
    const env = withToken();
    emu.emulator.addFault({ method: "POST", path: "/api/v1/widgets", delayMs: 2_000 });
    const create = startCli(["widgets", "create", "--name", "Interrupted"], home, { env });
    await arrived("POST /api/v1/widgets");
    const sent = Date.now();
    create.child.kill("SIGINT");
    const run = await create.done;
    expect(Date.now() - sent).toBeLessThan(1_500);
    expect(run.code).toBe(130);
    expect(run.stderr).toMatch(/Cancelled/);
    expect(run.stderr).toMatch(/may have been created/);
    expect(run.stderr).toContain("pulsekit widgets list");
    expect(run.stdout).toBe("");

    // Pulsoid stored it after all: running the same command again returns it instead of making a second one
    await storedWidgets(1);
    const again = await runCli(["widgets", "create", "--name", "Interrupted", "--json"], home, { env });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).id).toBe(emu.emulator.widgets()[0]?.id);
    expect(emu.emulator.widgets()).toHaveLength(1);
  });

  it("says no widget was created when it stops before the create was sent, and exits 130", async () => {
    const env = withToken();
    emu.emulator.addFault({ method: "GET", path: "/api/v1/widgets", hang: true });
    const create = startCli(["widgets", "create", "--name", "Early", "--json"], home, { env });
    await arrived("GET /api/v1/widgets");
    create.child.kill("SIGINT");
    const run = await create.done;
    expect(run.code).toBe(130);
    expect(run.stderr).toMatch(/no widget was created/i);
    expect(JSON.parse(run.stdout).error).toMatchObject({ exitCode: 130, cancelled: true, nextStep: "none" });
    expect(JSON.parse(run.stdout).error.mayHaveCreated).toBeUndefined();
    expect(await requestLines(emu.url)).toEqual(["GET /api/v1/widgets"]);
    expect(existsSync(unfinishedFile())).toBe(false);
  });
});

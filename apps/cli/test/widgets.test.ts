import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loggedRequests, requestLines, runCli, useEmulator, useTempHome } from "./helpers.js";

const BASIC_BPM = "bf6bdf21-10a7-4a28-97ec-a239e6c77f8b";
const home = useTempHome();
const emu = useEmulator();

function withToken(scopes = ["widgets:read", "widgets:update"]) {
  const token = emu.emulator.seedToken({ scopes });
  return { token, env: { PULSOID_API_URL: emu.url, PULSOID_TOKEN: token } };
}

describe("widgets create", () => {
  it("creates a widget from the default preset and prints it with its OBS browser-source URL", async () => {
    const { env, token } = withToken();
    const run = await runCli(["widgets", "create", "--name", "Stream heart"], home, { env });
    expect(run.code).toBe(0);
    const [stored] = emu.emulator.widgets();
    expect(stored?.name).toBe("Stream heart");
    expect(stored?.meta_id).toBe(BASIC_BPM);
    expect(run.stdout).toContain("Name:           Stream heart");
    expect(run.stdout).toContain(`OBS browser-source URL: https://pulsoid.net/widget/view/${stored?.id}`);
    expect(run.stderr).toContain('Created "Stream heart"');
    expect(`${run.stdout}${run.stderr}`).not.toContain(token);
    // the list first: core needs the ids that existed to tell its own widget after a fault
    expect(await requestLines(emu.url)).toEqual(["GET /api/v1/widgets", "POST /api/v1/widgets"]);
  });

  it("prints only the widget as JSON on stdout with --json", async () => {
    const { env } = withToken();
    const run = await runCli(["widgets", "create", "--name", "Quiet", "--preset", "minimal", "--json"], home, { env });
    expect(run.code).toBe(0);
    const widget = JSON.parse(run.stdout);
    expect(widget).toMatchObject({ name: "Quiet", meta_id: BASIC_BPM, configuration: { heartEnabled: false } });
    expect(widget.url).toBe(`https://pulsoid.net/widget/view/${widget.id}`);
    expect(emu.emulator.widgets().map((w) => w.id)).toEqual([widget.id]);
  });

  it("merges inline --config over the preset and sends the result", async () => {
    const { env } = withToken();
    const run = await runCli(
      ["widgets", "create", "--name", "Red", "--config", '{"heartColor":"#FF0000FF","font":"Inter"}', "--json"],
      home,
      { env },
    );
    expect(run.code).toBe(0);
    const request = (await loggedRequests(emu.url)).find((r) => r.method === "POST");
    expect(request?.body).toMatchObject({
      name: "Red",
      meta_id: BASIC_BPM,
      configuration: { heartEnabled: true, heartColor: "#FF0000FF", font: "Inter" },
    });
  });

  it("reads --config @file relative to the working folder", async () => {
    const { env } = withToken();
    writeFileSync(
      join(home.home, "zones.json"),
      JSON.stringify({ ranges: [{ from: 0, to: 120, color: "#00FF00FF" }] }),
    );
    const run = await runCli(["widgets", "create", "--name", "Zones", "--config", "@zones.json", "--json"], home, {
      env,
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).configuration.ranges).toEqual([{ from: 0, to: 120, color: "#00FF00FF" }]);
  });

  it.each([
    ["invalid JSON", "{heartColor:", "The configuration is not valid JSON"],
    ["a wrong colour", '{"heartColor":"red"}', "The heart colour (heartColor) must be a colour"],
    [
      "a range with from > to",
      '{"ranges":[{"from":150,"to":90,"color":"#FF0000FF"}]}',
      "Heart-rate range 1 (ranges[0])",
    ],
  ])("rejects --config with %s, naming the field, and sends nothing", async (_label, config, field) => {
    const { env, token } = withToken();
    const run = await runCli(["widgets", "create", "--name", "Bad", "--config", config], home, { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(field);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe("");
    expect(run.stderr).not.toContain(token);
    expect(await loggedRequests(emu.url)).toEqual([]);
  });

  it("reports a bad --config as JSON on stdout with --json", async () => {
    const { env } = withToken();
    const run = await runCli(
      ["widgets", "create", "--name", "Bad", "--config", '{"heartColor":"red"}', "--json"],
      home,
      {
        env,
      },
    );
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).error).toMatchObject({
      kind: "invalid_input",
      nextStep: "fix_input",
      field: "configuration.heartColor",
    });
  });

  it("rejects an unknown preset, listing the valid ones, without a token or a request", async () => {
    const run = await runCli(["widgets", "create", "--name", "X", "--preset", "sparkly"], home, {
      env: { PULSOID_API_URL: emu.url },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/classic/);
    expect(await loggedRequests(emu.url)).toEqual([]);
  });

  it("rejects a missing --config file and a missing --name as bad usage", async () => {
    const { env } = withToken();
    const noFile = await runCli(["widgets", "create", "--name", "X", "--config", "@nope.json"], home, { env });
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain("nope.json");
    const noName = await runCli(["widgets", "create"], home, { env });
    expect(noName.code).toBe(2);
    expect(noName.stderr).toContain("--name");
    expect(await loggedRequests(emu.url)).toEqual([]);
  });

  it("exits 3 with a sign-in hint when there is no token, sending nothing", async () => {
    const run = await runCli(["widgets", "create", "--name", "X"], home, { env: { PULSOID_API_URL: emu.url } });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("pulsekit token set");
    expect(await loggedRequests(emu.url)).toEqual([]);
  });

  it("exits 3 when Pulsoid refuses the token, and never prints it", async () => {
    const run = await runCli(["widgets", "create", "--name", "X"], home, {
      env: { PULSOID_API_URL: emu.url, PULSOID_TOKEN: "not-a-real-token-123" },
    });
    expect(run.code).toBe(3);
    expect(run.stderr).not.toContain("not-a-real-token-123");
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("exits 3 when the token lacks widgets:update", async () => {
    const { env } = withToken(["widgets:read"]);
    const run = await runCli(["widgets", "create", "--name", "X"], home, { env });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/permission/);
    expect(emu.emulator.widgets()).toEqual([]);
  });

  it("exits 1 with one sentence when Pulsoid asks for a paid plan", async () => {
    const { env } = withToken();
    emu.emulator.addFault({ method: "POST", path: "/api/v1/widgets", status: 402, errorCode: 7007 });
    const run = await runCli(["widgets", "create", "--name", "X"], home, { env });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 1 when Pulsoid keeps failing, and shows the stack only with --debug", async () => {
    const { env, token } = withToken();
    emu.emulator.addFault({ method: "GET", path: "/api/v1/widgets", status: 503, times: 20 });
    const plain = await runCli(["widgets", "list"], home, { env });
    expect(plain.code).toBe(1);
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    const debug = await runCli(["--debug", "widgets", "list"], home, { env });
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/GET \/api\/v1\/widgets -> 503/);
    expect(debug.stderr).toMatch(/\n\s+at /);
    expect(debug.stderr).not.toContain(token);
  });
});

describe("widgets list", () => {
  it("shows a table with name, id, type and URL, including widgets of other types", async () => {
    const { env } = withToken();
    const [mine] = emu.emulator.seedWidgets([
      { name: "Mine", meta_id: BASIC_BPM, configuration: { heartEnabled: true } },
      { name: "Other", meta_id: "f0654a12-3a59-4beb-b567-c5febda19c48", configuration: {} },
    ]);
    const run = await runCli(["widgets", "list"], home, { env });
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^NAME\s+ID\s+TYPE\s+OBS URL$/);
    expect(lines[1]).toContain("Mine");
    expect(lines[1]).toContain(`https://pulsoid.net/widget/view/${mine?.id}`);
    expect(lines[2]).toContain("Other");
    expect(lines).toHaveLength(3);
    // made on the emulator: core's caveat, worded for a list, on stderr only
    expect(run.stderr).toContain(`These widgets were made on ${emu.url}, not on Pulsoid`);
    expect(run.stdout).not.toContain("not on Pulsoid");
  });

  it("prints a JSON array with --json, and an empty one when there are no widgets", async () => {
    const { env } = withToken();
    const empty = await runCli(["widgets", "list", "--json"], home, { env });
    expect(empty.code).toBe(0);
    expect(JSON.parse(empty.stdout)).toEqual([]);
    emu.emulator.seedWidgets([{ name: "One", meta_id: BASIC_BPM, configuration: {} }]);
    const one = await runCli(["widgets", "list", "--json"], home, { env });
    expect(JSON.parse(one.stdout).map((w: { name: string }) => w.name)).toEqual(["One"]);
  });

  it("says how to create the first widget when there is none", async () => {
    const { env } = withToken();
    const run = await runCli(["widgets", "list"], home, { env });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("pulsekit widgets create");
  });
});

describe("widgets update", () => {
  it("merges --config into the current configuration (read, merge, write)", async () => {
    const { env } = withToken();
    const [widget] = emu.emulator.seedWidgets([
      { name: "W", meta_id: BASIC_BPM, configuration: { heartEnabled: true, font: "Inter", custom: { a: 1 } } },
    ]);
    const run = await runCli(
      ["widgets", "update", widget?.id ?? "", "--config", '{"heartColor":"#00FF00FF"}', "--json"],
      home,
      {
        env,
      },
    );
    expect(run.code).toBe(0);
    const expected = { heartEnabled: true, font: "Inter", custom: { a: 1 }, heartColor: "#00FF00FF" };
    expect(JSON.parse(run.stdout).configuration).toEqual(expected);
    expect(await requestLines(emu.url)).toEqual(["GET /api/v1/widgets", `POST /api/v1/widgets/${widget?.id}`]);
    expect(emu.emulator.widgets()[0]?.configuration).toEqual(expected);
  });

  it("exits 2 with one kind of message for an unknown id and an unknown name, sending no update", async () => {
    const { env } = withToken();
    emu.emulator.seedWidgets([{ name: "Stream heart", meta_id: BASIC_BPM, configuration: {} }]);
    const byId = await runCli(["widgets", "update", "no-such-widget", "--config", "{}"], home, { env });
    expect(byId.code).toBe(2);
    expect(byId.stderr).toBe(
      'error: The widget "no-such-widget" is neither the id nor the name of one of your widgets. `pulsekit widgets list` shows them with their ids.\n',
    );
    // a name with a space was once sent as an id and refused for its format
    const byName = await runCli(["widgets", "update", "Stream classic", "--no-heart"], home, { env });
    expect(byName.code).toBe(2);
    expect(byName.stderr).toContain('error: The widget "Stream classic" is neither the id nor the name');
    expect(await requestLines(emu.url)).toEqual(["GET /api/v1/widgets", "GET /api/v1/widgets"]);
  });

  it("rejects a bad --config, naming the field, without writing anything", async () => {
    const { env } = withToken();
    const [widget] = emu.emulator.seedWidgets([{ name: "W", meta_id: BASIC_BPM, configuration: {} }]);
    const badColour = await runCli(["widgets", "update", widget?.id ?? "", "--config", '{"heartColor":"#12"}'], home, {
      env,
    });
    expect(badColour.code).toBe(2);
    expect(badColour.stderr).toContain("The heart colour (heartColor)");
    const badJson = await runCli(["widgets", "update", widget?.id ?? "", "--config", "{nope"], home, { env });
    expect(badJson.code).toBe(2);
    expect(badJson.stderr).toContain("not valid JSON");
    expect((await loggedRequests(emu.url)).filter((r) => r.method === "POST")).toEqual([]);
    expect(emu.emulator.widgets()[0]?.configuration).toEqual({});
  });

  it("removes a setting given as null and leaves widgets of other types to their own rules", async () => {
    const { env } = withToken();
    const [basic, other] = emu.emulator.seedWidgets([
      { name: "B", meta_id: BASIC_BPM, configuration: { heartEnabled: true, heartColor: "#FF0000FF" } },
      { name: "O", meta_id: "b828337f-cdb0-49d2-8e55-9b1285cd0d22", configuration: { heartColor: 5 } },
    ]);
    const removed = await runCli(
      ["widgets", "update", basic?.id ?? "", "--config", '{"heartColor":null}', "--json"],
      home,
      {
        env,
      },
    );
    expect(removed.code).toBe(0);
    expect(JSON.parse(removed.stdout).configuration).toEqual({ heartEnabled: true });
    const otherType = await runCli(["widgets", "update", other?.id ?? "", "--config", '{"speed":2}', "--json"], home, {
      env,
    });
    expect(otherType.code).toBe(0);
    expect(JSON.parse(otherType.stdout).configuration).toEqual({ heartColor: 5, speed: 2 });
  });
});

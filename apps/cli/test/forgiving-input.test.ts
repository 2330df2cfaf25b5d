import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loggedRequests, requestLines, runCli, useEmulator, useTempHome } from "./helpers.js";

const BASIC_BPM = "bf6bdf21-10a7-4a28-97ec-a239e6c77f8b";
const home = useTempHome();
const emu = useEmulator();

function tokenEnv() {
  const token = emu.emulator.seedToken({ scopes: ["widgets:read", "widgets:update"] });
  return { PULSOID_API_URL: emu.url, PULSOID_TOKEN: token };
}

/** the configuration the emulator received with the one create or update */
async function sentConfiguration(): Promise<unknown> {
  const posts = (await loggedRequests(emu.url)).filter((r) => r.method === "POST");
  expect(posts).toHaveLength(1);
  return (posts[0]?.body as { configuration?: unknown } | undefined)?.configuration;
}

describe("widgets create with setting flags", () => {
  it("takes #RRGGBB from --heart-color and stores it as #RRGGBBFF", async () => {
    const run = await runCli(["widgets", "create", "--name", "Pink", "--heart-color", "#ff3355", "--json"], home, {
      env: tokenEnv(),
    });
    expect(run.code).toBe(0);
    expect(await sentConfiguration()).toEqual({ heartEnabled: true, heartColor: "#ff3355FF" });
    expect(emu.emulator.widgets()[0]?.configuration).toEqual({ heartEnabled: true, heartColor: "#ff3355FF" });
  });

  it("takes #RRGGBB inside --config too", async () => {
    const run = await runCli(["widgets", "create", "--name", "Teal", "--config", '{"heartColor":"#33cc99"}'], home, {
      env: tokenEnv(),
    });
    expect(run.code).toBe(0);
    expect(emu.emulator.widgets()[0]?.configuration).toMatchObject({ heartColor: "#33cc99FF" });
  });

  it("lets --no-heart, --heart-color and --font win over the same keys in --config, keeping its others", async () => {
    const config = '{"heartEnabled":true,"heartColor":"#000000FF","font":"Arial","ranges":[]}';
    const run = await runCli(
      ["widgets", "create", "--name", "Flags", "--config", config, "--no-heart", "--heart-color", "#FFFFFF"],
      home,
      { env: tokenEnv() },
    );
    expect(run.code).toBe(0);
    expect(await sentConfiguration()).toEqual({
      heartEnabled: false,
      heartColor: "#FFFFFFFF",
      font: "Arial",
      ranges: [],
    });
    const font = await runCli(["widgets", "create", "--name", "Font", "--preset", "minimal", "--font", "Inter"], home, {
      env: tokenEnv(),
    });
    expect(font.code).toBe(0);
    expect(emu.emulator.widgets().find((w) => w.name === "Font")?.configuration).toEqual({
      heartEnabled: false,
      font: "Inter",
    });
  });

  it("finds a preset by id or label in any case", async () => {
    const env = tokenEnv();
    expect((await runCli(["widgets", "create", "--name", "A", "--preset", "MINIMAL"], home, { env })).code).toBe(0);
    expect(
      (await runCli(["widgets", "create", "--name", "B", "--preset", "heart-rate zones"], home, { env })).code,
    ).toBe(0);
    const byName = Object.fromEntries(emu.emulator.widgets().map((w) => [w.name, w.configuration]));
    expect(byName.A).toEqual({ heartEnabled: false });
    expect(byName.B).toMatchObject({ ranges: expect.any(Array) });
  });

  it("names --preset with a did-you-mean for a misspelt preset, exit 2, sending nothing", async () => {
    const run = await runCli(["widgets", "create", "--name", "X", "--preset", "clasic"], home, { env: tokenEnv() });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'error: --preset "clasic" does not exist. Did you mean "classic"? Choose one of: classic, minimal, zones.\n',
    );
    expect(await loggedRequests(emu.url)).toEqual([]);
  });

  it("names --heart-color when its value is not a colour, exit 2, sending nothing", async () => {
    const run = await runCli(["widgets", "create", "--name", "X", "--heart-color", "red"], home, { env: tokenEnv() });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "error: --heart-color must be a colour like #FF3355 or #FF3355FF (red, green, blue and optionally alpha, in hex). Fix it and try again.\n",
    );
    expect(run.stdout).toBe("");
    expect(await loggedRequests(emu.url)).toEqual([]);
  });

  it("keeps the field's path in --json while the message names the flag", async () => {
    const run = await runCli(["widgets", "create", "--name", "X", "--heart-color", "#12", "--json"], home, {
      env: tokenEnv(),
    });
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).error).toMatchObject({
      kind: "invalid_input",
      field: "configuration.heartColor",
      message: expect.stringMatching(/^--heart-color must be a colour/),
    });
  });

  it("names --name and --font for their mistakes, and keeps core's words for --config", async () => {
    const env = tokenEnv();
    const name = await runCli(["widgets", "create", "--name", "   "], home, { env });
    expect(name.code).toBe(2);
    expect(name.stderr).toBe("error: --name must not be empty. Fix it and try again.\n");
    const font = await runCli(["widgets", "create", "--name", "X", "--font", ""], home, { env });
    expect(font.code).toBe(2);
    expect(font.stderr).toBe("error: --font must not be empty. Fix it and try again.\n");
    const config = await runCli(["widgets", "create", "--name", "X", "--config", '{"heartColor":"red"}'], home, {
      env,
    });
    expect(config.code).toBe(2);
    expect(config.stderr).toMatch(/^error: The heart colour \(heartColor\) must be a colour like #FF3355/);
    expect(await loggedRequests(emu.url)).toEqual([]);
  });

  it("prints core's caveat on stderr next to a URL made on the emulator, keeping stdout to the JSON", async () => {
    const run = await runCli(["widgets", "create", "--name", "Here", "--json"], home, { env: tokenEnv() });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).url).toMatch(/^https:\/\/pulsoid\.net\/widget\/view\//);
    expect(run.stderr).toBe(
      `warning: This widget was made on ${emu.url}, not on Pulsoid, so its pulsoid.net address shows nothing in OBS; widgets made with your Pulsoid account do.\n`,
    );
  });
});

describe("widgets update by name", () => {
  function seedTwo() {
    return emu.emulator.seedWidgets([
      { name: "Stream classic", meta_id: BASIC_BPM, configuration: { heartEnabled: true, font: "Inter" } },
      { name: "Other", meta_id: BASIC_BPM, configuration: { heartEnabled: true } },
    ]);
  }

  it("updates the widget whose name matches in any case", async () => {
    const [classic, other] = seedTwo();
    const run = await runCli(["widgets", "update", "stream classic", "--no-heart"], home, { env: tokenEnv() });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Updated "Stream classic"');
    expect(await requestLines(emu.url)).toEqual(["GET /api/v1/widgets", `POST /api/v1/widgets/${classic?.id}`]);
    const stored = Object.fromEntries(emu.emulator.widgets().map((w) => [w.id, w.configuration]));
    expect(stored[classic?.id ?? ""]).toEqual({ heartEnabled: false, font: "Inter" });
    expect(stored[other?.id ?? ""]).toEqual({ heartEnabled: true });
  });

  it("lets a flag win over --config and stores #RRGGBB as #RRGGBBFF", async () => {
    const [classic] = seedTwo();
    const file = join(home.home, "change.json");
    writeFileSync(file, '{"heartColor":"#000000","font":null}');
    const run = await runCli(
      ["widgets", "update", classic?.id ?? "", "--config", `@${file}`, "--heart-color", "#aabbcc", "--json"],
      home,
      { env: tokenEnv() },
    );
    expect(run.code).toBe(0);
    expect(await sentConfiguration()).toEqual({ heartEnabled: true, heartColor: "#aabbccFF" });
  });

  it("refuses a name two widgets share, exit 2, listing their ids and sending no update", async () => {
    const [first, second] = emu.emulator.seedWidgets([
      { name: "Twin", meta_id: BASIC_BPM, configuration: {} },
      { name: "twin", meta_id: BASIC_BPM, configuration: {} },
    ]);
    const run = await runCli(["widgets", "update", "TWIN", "--heart"], home, { env: tokenEnv() });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `error: The widget "TWIN" is the name of 2 widgets (${first?.id}, ${second?.id}). Use the id of the one you mean.\n`,
    );
    expect(await requestLines(emu.url)).toEqual(["GET /api/v1/widgets"]);
  });

  it("suggests the closest name for a typo, exit 2", async () => {
    seedTwo();
    const run = await runCli(["widgets", "update", "stream clasic", "--heart"], home, { env: tokenEnv() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Did you mean "Stream classic"?');
    expect((await loggedRequests(emu.url)).filter((r) => r.method === "POST")).toEqual([]);
  });

  it("names --heart-color and sends nothing when its value is wrong", async () => {
    seedTwo();
    const run = await runCli(["widgets", "update", "Other", "--heart-color", "red"], home, { env: tokenEnv() });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: --heart-color must be a colour like #FF3355/);
    expect(await loggedRequests(emu.url)).toEqual([]);
  });

  it("asks for something to change when given no flag and no --config, exit 2", async () => {
    seedTwo();
    const run = await runCli(["widgets", "update", "Other"], home, { env: tokenEnv() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Nothing to change: give --heart-color, --heart or --no-heart, --font, or --config");
    expect(await loggedRequests(emu.url)).toEqual([]);
  });
});

describe("widgets url", () => {
  it("prints only the OBS browser-source URL on stdout for a name in any case, the caveat on stderr", async () => {
    const [widget] = emu.emulator.seedWidgets([{ name: "Stream heart", meta_id: BASIC_BPM, configuration: {} }]);
    const run = await runCli(["widgets", "url", "STREAM HEART"], home, { env: tokenEnv() });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`https://pulsoid.net/widget/view/${widget?.id}\n`);
    expect(run.stderr).toContain('That is the OBS browser-source URL of "Stream heart"');
    expect(run.stderr).toContain(`warning: This widget was made on ${emu.url}, not on Pulsoid`);
    expect(await requestLines(emu.url)).toEqual(["GET /api/v1/widgets"]);
  });

  it("prints {id, name, url} with --json, by id", async () => {
    const [widget] = emu.emulator.seedWidgets([{ name: "Stream heart", meta_id: BASIC_BPM, configuration: {} }]);
    const run = await runCli(["widgets", "url", widget?.id ?? "", "--json"], home, { env: tokenEnv() });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      id: widget?.id,
      name: "Stream heart",
      url: `https://pulsoid.net/widget/view/${widget?.id}`,
    });
  });

  it("exits 2 for a widget that is not there, with nothing on stdout", async () => {
    const run = await runCli(["widgets", "url", "nope"], home, { env: tokenEnv() });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain('error: The widget "nope" is neither the id nor the name of one of your widgets.');
  });
});

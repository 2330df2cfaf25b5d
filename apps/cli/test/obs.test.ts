import { closedObsAddress } from "@pulsekit/obs/fake";
import { describe, expect, it } from "vitest";
import { requestLines, runCli, startCli, useEmulator, useFakeObs, useTempHome } from "./helpers.js";

const home = useTempHome();
const emu = useEmulator();
const fake = useFakeObs({ scenes: ["Gameplay", "BRB"], currentScene: "Gameplay" });

function env(extra: Record<string, string> = {}) {
  const token = emu.emulator.seedToken({ scopes: ["widgets:read", "widgets:update"] });
  return { PULSOID_API_URL: emu.url, PULSOID_TOKEN: token, OBS_WEBSOCKET_URL: fake.url, ...extra };
}

const viewUrl = (id: string | undefined) => `https://pulsoid.net/widget/view/${id}`;
const requestTypes = () => fake.requests().map((request) => request.requestType);

describe("widgets create --obs", () => {
  it("creates the widget, prints it, then adds it to the scene on air as a browser source with its URL", async () => {
    const run = await runCli(["widgets", "create", "--name", "Stream heart", "--obs"], home, { env: env() });
    expect(run.code).toBe(0);
    const [widget] = emu.emulator.widgets();
    expect(run.stdout).toContain(`OBS browser-source URL: ${viewUrl(widget?.id)}`);
    expect(run.stderr).toContain('✓ Created "Stream heart"; placing it in OBS.');
    expect(run.stderr).toContain('✓ Added "Stream heart" to the OBS scene "Gameplay" as a browser source.');
    expect(requestTypes()).toEqual(["GetCurrentProgramScene", "GetInputSettings", "CreateInput"]);
    expect(fake.requests()[2]?.requestData).toMatchObject({
      sceneName: "Gameplay",
      inputName: "Stream heart",
      inputKind: "browser_source",
      inputSettings: { url: viewUrl(widget?.id), width: 400, height: 200 },
      sceneItemEnabled: true,
    });
    expect(fake.obs.scenes()).toContainEqual({ sceneName: "Gameplay", sources: ["Stream heart"] });
  });

  it("updates the source on a second add by name instead of making another one", async () => {
    const created = await runCli(["widgets", "create", "--name", "Twice", "--obs"], home, { env: env() });
    expect(created.code).toBe(0);
    const [widget] = emu.emulator.widgets();
    const again = await runCli(["obs", "add", "twice"], home, { env: env() });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`Source:  Twice\nScene:   Gameplay\nOBS browser-source URL: ${viewUrl(widget?.id)}\n`);
    expect(again.stderr).toContain(
      '✓ Pointed the OBS browser source "Twice" at this widget; it is in the scene "Gameplay".',
    );
    expect(requestTypes()).toEqual([
      "GetCurrentProgramScene",
      "GetInputSettings",
      "CreateInput",
      "GetCurrentProgramScene",
      "GetInputSettings",
      "SetInputSettings",
      "GetSceneItemList",
    ]);
    expect(fake.requests()[5]?.requestData).toEqual({
      inputName: "Twice",
      inputSettings: { url: viewUrl(widget?.id), width: 400, height: 200 },
    });
    expect(fake.obs.inputs().filter((input) => input.inputName === "Twice")).toHaveLength(1);
  });

  it("prints one JSON object: the widget and what happened in OBS", async () => {
    const run = await runCli(["widgets", "create", "--name", "Json heart", "--obs", "--json"], home, { env: env() });
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout);
    expect(printed).toMatchObject({ name: "Json heart", url: viewUrl(printed.id) });
    expect(printed.obs).toEqual({ ok: true, action: "created", scene: "Gameplay", inputName: "Json heart" });
  });

  it("takes --obs-scene alone as --obs and places the widget in that scene", async () => {
    const run = await runCli(["widgets", "create", "--name", "Break heart", "--obs-scene", "BRB"], home, {
      env: env(),
    });
    expect(run.code).toBe(0);
    expect(requestTypes()).toEqual(["GetSceneList", "GetInputSettings", "CreateInput"]);
    expect(fake.requests()[2]?.requestData).toMatchObject({ sceneName: "BRB", inputName: "Break heart" });
    expect(run.stderr).toContain('to the OBS scene "BRB"');
  });

  it("exits 2 for a scene OBS lacks, listing its scenes, after printing the widget it keeps", async () => {
    const run = await runCli(["widgets", "create", "--name", "Lost", "--obs-scene", "Nope", "--json"], home, {
      env: env(),
    });
    expect(run.code).toBe(2);
    const printed = JSON.parse(run.stdout);
    expect(emu.emulator.widgets().map((w) => w.id)).toEqual([printed.id]);
    expect(printed.obs).toEqual({
      ok: false,
      kind: "unknown_scene",
      message:
        'OBS has no scene named "Nope". Scenes in OBS: "Gameplay", "BRB". Pick one of those, or name none to use the current program scene.',
      scenes: ["Gameplay", "BRB"],
    });
    expect(run.stderr).toContain(`run \`pulsekit obs add ${printed.id}\``);
    expect(requestTypes()).toEqual(["GetSceneList"]);
  });

  it("exits 1 when nothing listens, after printing the widget, with where to turn OBS's server on", async () => {
    const run = await runCli(["widgets", "create", "--name", "Offline", "--obs"], home, {
      env: env({ OBS_WEBSOCKET_URL: await closedObsAddress() }),
    });
    expect(run.code).toBe(1);
    const [widget] = emu.emulator.widgets();
    expect(run.stdout).toContain(`OBS browser-source URL: ${viewUrl(widget?.id)}`);
    expect(run.stderr).toMatch(
      /error: Could not reach OBS at ws:\/\/127\.0\.0\.1:\d+\. Start OBS and turn on Tools > WebSocket Server Settings \(Enable WebSocket server\)/,
    );
    expect(run.stderr).toContain(`The widget "Offline" was created and stays.`);
  });

  it("exits 1 when OBS closes the connection mid-request, naming the widget's URL to add by hand", async () => {
    fake.obs.closeOnNext("CreateInput");
    const run = await runCli(["widgets", "create", "--name", "Dropped", "--obs", "--json"], home, { env: env() });
    expect(run.code).toBe(1);
    const printed = JSON.parse(run.stdout);
    expect(printed.obs).toMatchObject({ ok: false, kind: "disconnected" });
    expect(printed.obs.message).toContain("closed the connection before it answered");
    expect(printed.obs.message).toContain(`add a Browser source in OBS with the URL ${viewUrl(printed.id)}`);
    expect(run.stderr).toContain("error: OBS at ws://127.0.0.1:");
  });

  it("exits 130 on Ctrl-C while OBS has not answered, the widget printed and kept", async () => {
    fake.obs.setDelay(Number.POSITIVE_INFINITY);
    const create = startCli(["widgets", "create", "--name", "Waiting", "--obs"], home, { env: env() });
    await create.waitFor(/placing it in OBS/);
    // Ctrl-C once OBS holds the first request unanswered
    await expect.poll(() => requestTypes(), { timeout: 10_000 }).toEqual(["GetCurrentProgramScene"]);
    create.child.kill("SIGINT");
    const run = await create.done;
    expect(run.code).toBe(130);
    expect(run.stdout).toContain(`OBS browser-source URL: ${viewUrl(emu.emulator.widgets()[0]?.id)}`);
    expect(run.stderr).toContain("error: Cancelled before OBS answered; the source may be there already.");
    expect(run.stderr).toContain('The widget "Waiting" was created and stays.');
  });

  it("checks --obs-scene and OBS_WEBSOCKET_URL before creating anything", async () => {
    const blank = await runCli(["widgets", "create", "--name", "Blank", "--obs-scene", " "], home, { env: env() });
    expect(blank.code).toBe(2);
    expect(blank.stderr).toContain("--obs-scene is empty");
    const wrongUrl = await runCli(["widgets", "create", "--name", "Http", "--obs"], home, {
      env: env({ OBS_WEBSOCKET_URL: "http://user:pw@127.0.0.1:4455" }),
    });
    expect(wrongUrl.code).toBe(2);
    expect(wrongUrl.stderr).toContain(
      'error: OBS_WEBSOCKET_URL must be OBS\'s WebSocket address such as ws://127.0.0.1:4455 (OBS shows it under Tools > WebSocket Server Settings > Show Connect Info), not "http://127.0.0.1:4455"; fix or unset it.',
    );
    expect(wrongUrl.stderr).not.toContain("pw@");
    expect(await requestLines(emu.url)).toEqual([]);
    expect(fake.requests()).toEqual([]);
  });
});

describe("obs add", () => {
  it("places a widget named by id in the named scene and prints the widget with `obs` as JSON", async () => {
    const made = await runCli(["widgets", "create", "--name", "By id", "--json"], home, { env: env() });
    const { id } = JSON.parse(made.stdout);
    const run = await runCli(["obs", "add", id, "--scene", "BRB", "--json"], home, { env: env() });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      id,
      name: "By id",
      url: viewUrl(id),
      obs: { ok: true, action: "created", scene: "BRB", inputName: "By id" },
    });
  });

  it("exits 2 for a scene OBS lacks, listing the scenes it has", async () => {
    await runCli(["widgets", "create", "--name", "Scene typo"], home, { env: env() });
    const run = await runCli(["obs", "add", "Scene typo", "--scene", "Gamplay", "--json"], home, { env: env() });
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).error).toEqual({
      message:
        'OBS has no scene named "Gamplay". Scenes in OBS: "Gameplay", "BRB". Pick one of those, or name none to use the current program scene.',
      exitCode: 2,
      kind: "unknown_scene",
      field: "scene",
      scenes: ["Gameplay", "BRB"],
    });
  });

  it("exits 2 for a widget that matches nothing, without asking OBS", async () => {
    const run = await runCli(["obs", "add", "No such widget"], home, { env: env() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("No such widget");
    expect(fake.requests()).toEqual([]);
  });

  it("exits 1 when nothing listens, with where to turn OBS's server on", async () => {
    await runCli(["widgets", "create", "--name", "Nobody home"], home, { env: env() });
    const run = await runCli(["obs", "add", "Nobody home", "--json"], home, {
      env: env({ OBS_WEBSOCKET_URL: await closedObsAddress() }),
    });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).error).toMatchObject({ kind: "unreachable", exitCode: 1 });
    expect(run.stderr).toContain("Tools > WebSocket Server Settings (Enable WebSocket server)");
  });
});

describe("obs scenes", () => {
  it("lists the scenes top first with the one on air marked, without a Pulsoid token", async () => {
    const run = await runCli(["obs", "scenes"], home, { env: { OBS_WEBSOCKET_URL: fake.url } });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("Gameplay  (on air)\nBRB\n");
    const json = await runCli(["obs", "scenes", "--json"], home, { env: { OBS_WEBSOCKET_URL: fake.url } });
    expect(JSON.parse(json.stdout)).toEqual({
      scenes: [
        { name: "Gameplay", current: true },
        { name: "BRB", current: false },
      ],
      currentProgramScene: "Gameplay",
    });
  });
});

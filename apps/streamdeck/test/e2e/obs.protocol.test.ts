import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { closedObsAddress, type FakeObs, startFakeObs } from "@pulsekit/obs/fake";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { InspectorClient } from "../support/inspector-client.js";
import { ACTION_UUID, type Message } from "../support/stream-deck-host.js";
import { type Deck, readPluginLogs, startDeck, stopDeck } from "./setup.js";

// the OBS password: it must reach OBS and the plugin's global settings, and nothing else
const CANARY = "obs-canary-7Qm2zR";

let obs: FakeObs;
let deck: Deck | undefined;
let inspector: InspectorClient | undefined;
beforeAll(async () => {
  obs = await startFakeObs({ password: CANARY, scenes: ["Gameplay", "BRB"], currentScene: "Gameplay" });
});
afterAll(async () => {
  await obs?.close();
});
afterEach(async () => {
  inspector?.close();
  inspector = undefined;
  await stopDeck(deck);
  deck = undefined;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** a signed-in deck whose global settings point at OBS */
async function obsDeck(obsSettings: Message = { obsUrl: obs.url, obsPassword: CANARY }): Promise<Deck> {
  deck = await startDeck({
    globalSettings: (emulator) => ({
      token: emulator.seedToken({ scopes: ["widgets:read", "widgets:update"] }),
      ...obsSettings,
    }),
  });
  return deck;
}

/** the requests of one type the fake OBS received for a source name */
const obsRequests = (type: string, inputName: string) =>
  obs
    .requests()
    .filter((r) => r.requestType === type && (r.requestData?.inputName ?? r.requestData?.sourceName) === inputName);

/** presses a key with an inspector open and returns what the plugin told the inspector about the press */
async function pressWatched(d: Deck, key: string): Promise<Message> {
  inspector = await InspectorClient.connect(d.host.port, key);
  const client = inspector;
  await d.host.waitUntil(() => client.fromPlugin().some((m) => m.type === "status"), 10_000, "the inspector status");
  d.host.press(key);
  await d.host.waitUntil(() => client.fromPlugin().some((m) => m.type === "pressResult"), 15_000, "the press result");
  return client.fromPlugin().find((m) => m.type === "pressResult") as Message;
}

describe("a Create Widget key with Add to OBS, against a fake OBS", () => {
  it("puts the created widget's URL into the program scene as a browser source and says Added to OBS", async () => {
    const { host, emulator } = await obsDeck();
    const key = host.addKey({ name: "Overlay {counter}", obs: { add: true } });
    const result = await pressWatched(deck as Deck, key);
    await host.nextCommand("showOk", key);
    const [widget] = emulator.widgets();
    const url = `https://pulsoid.net/widget/view/${widget?.id}`;
    expect(obsRequests("CreateInput", "Overlay 1").map((r) => r.requestData)).toEqual([
      expect.objectContaining({
        sceneName: "Gameplay",
        inputName: "Overlay 1",
        inputKind: "browser_source",
        inputSettings: expect.objectContaining({ url }),
      }),
    ]);
    expect(obs.scenes().find((s) => s.sceneName === "Gameplay")?.sources).toContain("Overlay 1");
    expect(host.titles(key).at(-1)).toBe("Added\nto OBS");
    expect(host.commands("showAlert", key)).toHaveLength(0);
    // the right password: OBS accepted the handshake
    expect(obs.identifies().at(-1)?.accepted).toBe(true);
    expect(result).toMatchObject({
      ok: true,
      detail: `Created "Overlay 1": ${url}.`,
      obs: { ok: true, detail: 'Added to OBS: the browser source "Overlay 1" in the scene "Gameplay".' },
    });
    expect(host.keys.get(key)?.settings).toMatchObject({ obs: { add: true }, lastWidgetUrl: url, counter: 1 });
  });

  it("creates a new widget on every press, and points the one source of a repeated name at the newest", async () => {
    const { host, emulator } = await obsDeck();
    const key = host.addKey({ name: "Same name", obs: { add: true, scene: "BRB" } });
    host.press(key);
    await host.waitUntil(() => host.commands("showOk", key).length === 1, 10_000, "the first widget");
    expect(host.titles(key).at(-1)).toBe("Added\nto OBS");
    await host.waitUntil(() => host.titles(key).at(-1) === undefined, 10_000, "the title to clear");
    host.press(key);
    await host.waitUntil(() => host.commands("showOk", key).length === 2, 10_000, "the second widget");
    expect(host.titles(key).at(-1)).toBe("Updated\nin OBS");

    const widgets = emulator.widgets();
    expect(widgets.map((w) => w.name)).toEqual(["Same name", "Same name"]);
    const sources = obs.inputs().filter((input) => input.inputName === "Same name");
    expect(sources).toHaveLength(1);
    expect(sources[0]?.inputSettings.url).toBe(`https://pulsoid.net/widget/view/${widgets[1]?.id}`);
    expect(obsRequests("CreateInput", "Same name")).toHaveLength(1);
    expect(obsRequests("SetInputSettings", "Same name").map((r) => r.requestData?.inputSettings)).toEqual([
      expect.objectContaining({ url: `https://pulsoid.net/widget/view/${widgets[1]?.id}` }),
    ]);
    expect(
      obs
        .scenes()
        .find((s) => s.sceneName === "BRB")
        ?.sources.filter((s) => s === "Same name"),
    ).toHaveLength(1);
  });

  it("says OBS password when OBS refuses it, keeps the widget, and names the password field", async () => {
    const { host, emulator } = await obsDeck({ obsUrl: obs.url, obsPassword: "not-the-password" });
    const key = host.addKey({ name: "Wrong password", obs: { add: true } });
    const result = await pressWatched(deck as Deck, key);
    await host.nextCommand("showAlert", key);
    expect(host.titles(key).at(-1)).toBe("OBS\npassword");
    expect(emulator.widgets().map((w) => w.name)).toEqual(["Wrong password"]);
    expect(host.keys.get(key)?.settings.lastWidgetId).toBe(emulator.widgets()[0]?.id);
    expect(obsRequests("CreateInput", "Wrong password")).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.obs).toEqual({
      ok: false,
      detail: expect.stringMatching(
        /^Not added to OBS\. OBS at ws:\/\/127\.0\.0\.1:\d+ refused the password\. .*the Password field under OBS in a Create Widget key's settings/,
      ),
    });
  });

  it("says No OBS when OBS is not running, and the widget is still created", async () => {
    const { host, emulator } = await obsDeck({ obsUrl: await closedObsAddress() });
    const key = host.addKey({ name: "Nobody home", obs: { add: true } });
    const result = await pressWatched(deck as Deck, key);
    await host.nextCommand("showAlert", key);
    expect(host.titles(key).at(-1)).toBe("No OBS");
    expect(emulator.widgets().map((w) => w.name)).toEqual(["Nobody home"]);
    expect(result.obs).toEqual({ ok: false, detail: expect.stringMatching(/^Not added to OBS\. Could not reach OBS/) });
    // the press counted as made: the key cools down like after any created widget, nothing is undone
    expect(emulator.requests().filter((r) => r.method === "DELETE")).toEqual([]);
  });

  it("says OBS? when OBS closes the connection mid-request, and the widget is still created", async () => {
    const { host, emulator } = await obsDeck();
    obs.closeOnNext("CreateInput");
    const key = host.addKey({ name: "Dropped", obs: { add: true } });
    const result = await pressWatched(deck as Deck, key);
    await host.nextCommand("showAlert", key);
    expect(host.titles(key).at(-1)).toBe("OBS?");
    const [widget] = emulator.widgets();
    expect(widget?.name).toBe("Dropped");
    expect(result.obs).toEqual({
      ok: false,
      detail: expect.stringContaining(
        `closed the connection before it answered. The widget "Dropped" itself was created and works: to place it by hand, add a Browser source in OBS with the URL https://pulsoid.net/widget/view/${widget?.id}`,
      ),
    });
  });

  it("says OBS scene? for a scene OBS does not have, listing the scenes it has", async () => {
    const { host, emulator } = await obsDeck();
    const key = host.addKey({ name: "Lost scene", obs: { add: true, scene: "Intro" } });
    const result = await pressWatched(deck as Deck, key);
    await host.nextCommand("showAlert", key);
    expect(host.titles(key).at(-1)).toBe("OBS\nscene?");
    expect(emulator.widgets()).toHaveLength(1);
    expect(result.obs?.detail).toContain('OBS has no scene named "Intro". Scenes in OBS: "Gameplay", "BRB".');
  });

  it("adds nothing to OBS for a key without Add to OBS", async () => {
    const { host } = await obsDeck();
    const before = obs.requests().length;
    const key = host.addKey({ name: "Plain", obs: { add: false, scene: "BRB" } });
    host.press(key);
    await host.nextCommand("showOk", key);
    await sleep(200);
    expect(host.titles(key).at(-1)).toBe("Created");
    expect(obs.requests()).toHaveLength(before);
  });

  it("keeps the OBS password saved from the inspector out of logs, key settings, the inspector's messages and the plugin folder", async () => {
    const { host, pluginDir } = await obsDeck({});
    const key = host.addKey({ name: "Canary {counter}", obs: { add: true } });
    inspector = await InspectorClient.connect(host.port, key);
    const client = inspector;
    await host.waitUntil(() => client.fromPlugin().some((m) => m.type === "obsSetup"), 10_000, "the OBS setup");
    client.send({
      event: "sendToPlugin",
      action: ACTION_UUID,
      context: key,
      payload: { type: "saveObs", url: obs.url, password: CANARY },
    });
    await host.waitUntil(() => client.fromPlugin().some((m) => m.type === "obsScenes"), 10_000, "the scenes");
    expect(
      client
        .fromPlugin()
        .filter((m) => m.type === "obsSetup")
        .at(-1),
    ).toEqual({
      type: "obsSetup",
      url: obs.url,
      defaultUrl: "ws://127.0.0.1:4455",
      passwordSaved: true,
    });
    expect(client.fromPlugin().find((m) => m.type === "obsScenes")).toEqual({
      type: "obsScenes",
      scenes: ["Gameplay", "BRB"],
      currentProgramScene: "Gameplay",
    });
    // the plugin stored it in its global settings, the one place it lives
    expect(host.globalSettings.obsPassword).toBe(CANARY);

    host.press(key);
    await host.nextCommand("showOk", key);
    expect(host.titles(key).at(-1)).toBe("Added\nto OBS");
    // and a press OBS refuses, whose message talks about the password
    host.replaceGlobalSettings({ ...host.globalSettings, obsPassword: `${CANARY}-old` });
    await sleep(100);
    await host.waitUntil(() => host.titles(key).at(-1) === undefined, 10_000, "the title to clear");
    host.press(key);
    await host.waitUntil(() => host.commands("showAlert", key).length === 1, 10_000, "the refused press");

    expect(JSON.stringify(host.commands("setSettings"))).not.toContain(CANARY);
    expect(JSON.stringify([...host.keys.values()].map((k) => k.settings))).not.toContain(CANARY);
    expect(JSON.stringify(host.commands("sendToPropertyInspector"))).not.toContain(CANARY);
    expect(JSON.stringify(host.commands("setTitle"))).not.toContain(CANARY);
    const logs = readPluginLogs(pluginDir);
    expect(logs).toContain("OBS address saved, and a new OBS password");
    expect(logs).toContain("refused the password");
    expect(logs).not.toContain(CANARY);
    expect(host.output).not.toContain(CANARY);
    expect(filesContaining(pluginDir, CANARY)).toEqual([]);
  });
});

/** files under a folder whose bytes contain the text */
function filesContaining(dir: string, text: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...filesContaining(path, text));
    else if (readFileSync(path).includes(text)) found.push(path);
  }
  return found;
}

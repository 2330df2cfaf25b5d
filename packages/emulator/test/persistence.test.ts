import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "../src/index.js";
import { apiCall, BASIC_BPM, createBody } from "./fixtures.js";

/** the error an emulator start on this data file fails with */
function startError(dataFile: string): Promise<Error> {
  return startEmulator({ dataFile }).then(
    async (emulator) => {
      await emulator.close();
      return expect.fail("the emulator started");
    },
    (reason: Error) => reason,
  );
}

describe("persistence with a data file", () => {
  let dir: string;
  let dataFile: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "pulsekit-emulator-"));
    dataFile = join(dir, "data.json");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps widgets and tokens across a restart", async () => {
    const first = await startEmulator({ dataFile });
    const token = first.seedToken({ scopes: ["widgets:read", "widgets:update"] });
    const created = await (await apiCall(first, "/api/v1/widgets", token, { body: createBody("kept") })).json();
    await first.close();

    const second = await startEmulator({ dataFile });
    try {
      const list = await apiCall(second, "/api/v1/widgets", token);
      expect(list.status).toBe(200);
      expect(await list.json()).toEqual({ widgets: [created.widget] });
    } finally {
      await second.close();
    }
  });

  it("keeps updates, and leaves no temp file behind", async () => {
    const first = await startEmulator({ dataFile });
    const token = first.seedToken({ scopes: ["widgets:update"] });
    const { widget } = await (await apiCall(first, "/api/v1/widgets", token, { body: createBody() })).json();
    await apiCall(first, `/api/v1/widgets/${widget.id}`, token, { body: { configuration: { heartEnabled: true } } });
    await first.close();
    expect(readdirSync(dir)).toEqual(["data.json"]);
    const saved = JSON.parse(readFileSync(dataFile, "utf8"));
    expect(saved.widgets).toEqual([{ ...widget, configuration: { heartEnabled: true } }]);
  });

  it("ignores and removes a temp file an interrupted write left behind", async () => {
    const first = await startEmulator({ dataFile });
    first.seedWidgets([{ id: "safe", meta_id: createBody().meta_id, name: "safe", configuration: {} }]);
    await first.close();
    // a crash between writing the temp file and renaming it leaves a partial temp file
    writeFileSync(join(dir, "data.json.4242.1700000000000.tmp"), '{"version":1,"widgets":[{"id":"half');

    const second = await startEmulator({ dataFile });
    try {
      expect(second.widgets().map((w) => w.id)).toEqual(["safe"]);
      expect(readdirSync(dir)).toEqual(["data.json"]);
    } finally {
      await second.close();
    }
  });

  it("refuses to start on a damaged data file instead of overwriting it", async () => {
    writeFileSync(dataFile, "{oops");
    await expect(startEmulator({ dataFile })).rejects.toThrow(/data\.json is not valid JSON/);
    expect(readFileSync(dataFile, "utf8")).toBe("{oops");
  });

  const widget = { id: "w1", meta_id: BASIC_BPM, name: "kept", configuration: { heartEnabled: true } };
  const token = { token: "t1", scopes: ["widgets:read"], clientId: "c", profileId: null, expiresAt: 4102444800000 };

  it.each([
    [
      "a widget without an id",
      { widgets: [widget, { ...widget, id: undefined }], tokens: [] },
      'widgets[1], field "id"',
    ],
    [
      "a widget whose configuration is not an object",
      { widgets: [{ ...widget, configuration: [1, 2] }], tokens: [] },
      'widgets[0] (id "w1"), field "configuration", must be a JSON object',
    ],
    ["a widget that is not an object", { widgets: ["w1"], tokens: [] }, "widgets[0] must be a JSON object"],
    [
      "a widget with a numeric name",
      { widgets: [{ ...widget, name: 7 }], tokens: [] },
      'field "name", must be a string',
    ],
    ["two widgets with one id", { widgets: [widget, widget], tokens: [] }, 'widgets[1] (id "w1"), field "id"'],
    ["a token that is not a string", { widgets: [], tokens: [{ ...token, token: 42 }] }, 'tokens[0], field "token"'],
    ["scopes that are not strings", { widgets: [], tokens: [{ ...token, scopes: ["a", 1] }] }, 'field "scopes[1]"'],
    ["an expiry that is not a number", { widgets: [], tokens: [{ ...token, expiresAt: "soon" }] }, 'field "expiresAt"'],
    ["an entry with a field it does not know", { widgets: [{ ...widget, colour: "red" }], tokens: [] }, '"colour"'],
    ["no tokens list", { widgets: [widget] }, 'field "tokens" is missing'],
  ])("refuses to start on %s, naming the file, entry and field, and leaves the file alone", async (_, data, words) => {
    const text = JSON.stringify({ version: 1, ...data }, null, 2);
    writeFileSync(dataFile, text);
    const error = await startError(dataFile);
    expect(error.message).toContain(dataFile);
    expect(error.message).toContain(words);
    expect(error.message).toMatch(/Fix .*or move (the file|it) away to start empty/);
    expect(error.message).not.toContain("\n");
    expect(readFileSync(dataFile, "utf8")).toBe(text);
  });

  it("never shows a token value when it names a bad token entry", async () => {
    writeFileSync(dataFile, JSON.stringify({ widgets: [], tokens: [token, { ...token, token: "secret value" }] }));
    const error = await startError(dataFile);
    expect(error.message).toContain('tokens[1], field "token"');
    expect(error.message).not.toContain("secret value");
  });

  it("empties the data file on reset", async () => {
    const first = await startEmulator({ dataFile });
    first.seedWidgets([{ meta_id: createBody().meta_id, name: "gone", configuration: {} }]);
    first.reset();
    await first.close();
    expect(JSON.parse(readFileSync(dataFile, "utf8"))).toMatchObject({ widgets: [], tokens: [] });
  });

  it("keeps nothing on disk without a data file", async () => {
    const first = await startEmulator();
    first.seedWidgets([{ meta_id: createBody().meta_id, name: "memory", configuration: {} }]);
    await first.close();
    const second = await startEmulator();
    try {
      expect(second.widgets()).toEqual([]);
    } finally {
      await second.close();
    }
  });
});

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "../src/index.js";
import { apiCall, createBody } from "./fixtures.js";

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

import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createUnfinishedCreates } from "./unfinished-creates.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "pulsekit-unfinished-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const unfinished = {
  name: "Stream heart",
  metaId: "bf6bdf21-10a7-4a28-97ec-a239e6c77f8b",
  configuration: { heartEnabled: true, ranges: [{ from: 0, to: 120, color: "#00FF00FF" }] },
  existingIds: ["a", "b"],
};

describe("unfinished creates", () => {
  it("finds a kept create for the same name, type and configuration, whatever the key order", () => {
    const store = createUnfinishedCreates(join(dir, "pulsekit"));
    expect(store.keep(unfinished)).toBe(true);
    const sameOtherOrder = {
      name: unfinished.name,
      metaId: unfinished.metaId,
      configuration: { ranges: [{ color: "#00FF00FF", to: 120, from: 0 }], heartEnabled: true },
    };
    expect(store.find(sameOtherOrder)).toEqual(unfinished);
    expect(store.find({ ...sameOtherOrder, name: "Other" })).toBeUndefined();
    expect(store.find({ ...sameOtherOrder, configuration: { heartEnabled: false } })).toBeUndefined();
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
  });

  it("replaces the one for the same request, and removes the file once none is left", () => {
    const store = createUnfinishedCreates(join(dir, "pulsekit"));
    store.keep(unfinished);
    store.keep({ ...unfinished, name: "Second" });
    store.keep({ ...unfinished, existingIds: ["a", "b", "c"] });
    expect(JSON.parse(readFileSync(store.path, "utf8"))).toHaveLength(2);
    expect(store.find(unfinished)?.existingIds).toEqual(["a", "b", "c"]);
    store.forget(unfinished);
    store.forget({ ...unfinished, name: "Second" });
    expect(() => statSync(store.path)).toThrow();
  });

  it("reads a damaged file as empty and skips entries of the wrong shape", () => {
    const configDir = join(dir, "pulsekit");
    mkdirSync(configDir);
    const store = createUnfinishedCreates(configDir);
    writeFileSync(store.path, "{not json");
    expect(store.find(unfinished)).toBeUndefined();
    writeFileSync(store.path, JSON.stringify([{ ...unfinished, existingIds: [1] }, "x", unfinished]));
    expect(store.find(unfinished)).toEqual(unfinished);
  });

  it("says when it cannot keep one", () => {
    const blocker = join(dir, "file-not-folder");
    writeFileSync(blocker, "");
    expect(createUnfinishedCreates(join(blocker, "pulsekit")).keep(unfinished)).toBe(false);
  });
});

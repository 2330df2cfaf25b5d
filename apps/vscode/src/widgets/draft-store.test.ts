import { describe, expect, it } from "vitest";
import { DraftStore } from "./draft-store";

function memento() {
  const values = new Map<string, unknown>();
  return {
    values,
    get: <T>(key: string) => values.get(key) as T | undefined,
    update: async (key: string, value: unknown) => {
      if (value === undefined) values.delete(key);
      else values.set(key, value);
    },
  };
}

describe("DraftStore", () => {
  it("keeps the input of a failed create until cleared", async () => {
    const store = new DraftStore(memento());
    expect(store.read()).toBeUndefined();
    await store.save({ presetId: "zones", name: "My zones", configuration: { heartEnabled: true }, metaId: "m" });
    expect(store.read()).toMatchObject({ presetId: "zones", name: "My zones", configuration: { heartEnabled: true } });
    await store.clear();
    expect(store.read()).toBeUndefined();
  });
});

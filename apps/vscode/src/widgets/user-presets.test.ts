import { BASIC_BPM_META_ID } from "@pulsekit/core";
import { describe, expect, it } from "vitest";
import { parseUserPresets } from "./user-presets";

describe("parseUserPresets", () => {
  it("accepts valid presets and fills the widget type", () => {
    const { presets, problems } = parseUserPresets([
      { id: "blue", label: "Blue heart", configuration: { heartEnabled: true, heartColor: "#0000FFFF" } },
    ]);
    expect(problems).toEqual([]);
    expect(presets).toEqual([
      {
        id: "blue",
        label: "Blue heart",
        description: "",
        metaId: BASIC_BPM_META_ID,
        configuration: { heartEnabled: true, heartColor: "#0000FFFF" },
      },
    ]);
  });

  it("skips a broken entry with a sentence naming it", () => {
    const { presets, problems } = parseUserPresets([
      { id: "Bad Id", label: "x", configuration: {} },
      { id: "ok", label: "Fine", configuration: {} },
    ]);
    expect(presets.map((p) => p.id)).toEqual(["ok"]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("presets[0].id");
    expect(problems[0]).toContain("pulsekit.presets");
  });

  it("ignores a setting that is not a list", () => {
    expect(parseUserPresets({}).problems[0]).toContain("must be a list");
    expect(parseUserPresets(undefined)).toEqual({ presets: [], problems: [] });
  });
});

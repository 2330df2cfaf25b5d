import { describe, expect, it } from "vitest";
import { CURRENT_PROGRAM_SCENE, obsPasswordState, obsStatusLine, sceneField } from "./obs-view.js";

describe("sceneField", () => {
  const scenes = { state: "scenes" as const, scenes: ["Gameplay", "BRB"], currentProgramScene: "Gameplay" };

  it("lists OBS's scenes after the current program scene, which is the default", () => {
    expect(sceneField(undefined, scenes)).toEqual({
      kind: "list",
      options: [
        { value: "", label: `${CURRENT_PROGRAM_SCENE} (now "Gameplay")` },
        { value: "Gameplay", label: "Gameplay" },
        { value: "BRB", label: "BRB" },
      ],
      selected: "",
    });
    expect(sceneField("BRB", scenes)).toMatchObject({ kind: "list", selected: "BRB" });
  });

  it("keeps a saved scene OBS no longer has, marked", () => {
    const field = sceneField("Old", scenes);
    expect(field).toMatchObject({ kind: "list", selected: "Old" });
    expect(field.kind === "list" && field.options.at(-1)).toEqual({ value: "Old", label: "Old (not in OBS)" });
  });

  it("is a text field saying why when OBS gave no list", () => {
    expect(sceneField("BRB", { state: "failed", detail: "Could not reach OBS at ws://127.0.0.1:4455." })).toEqual({
      kind: "text",
      value: "BRB",
      note: "Could not get the scenes from OBS. Could not reach OBS at ws://127.0.0.1:4455.",
    });
    expect(sceneField(undefined, { state: "unknown" })).toEqual({ kind: "text", value: "", note: "" });
    expect(sceneField(undefined, { state: "asking" })).toMatchObject({ kind: "text", note: /Asking OBS/ });
  });
});

describe("obsStatusLine", () => {
  it("says how many scenes and which is on air, or what went wrong", () => {
    expect(obsStatusLine({ state: "scenes", scenes: ["A", "B"], currentProgramScene: "A" })).toBe(
      'Connected to OBS: 2 scenes, "A" on air.',
    );
    expect(obsStatusLine({ state: "scenes", scenes: ["A"] })).toBe("Connected to OBS: 1 scene.");
    expect(obsStatusLine({ state: "failed", detail: "OBS refused the password." })).toBe("OBS refused the password.");
    expect(obsStatusLine({ state: "unknown" })).toBe("");
  });
});

describe("obsPasswordState", () => {
  it("shows only whether a password is saved", () => {
    expect(obsPasswordState(true).placeholder).toBe("saved (hidden)");
    expect(obsPasswordState(false).placeholder).toBe("none");
  });
});

import { describe, expect, it } from "vitest";
import { addWidgetToObs, listObsScenes, ObsError, TRANSPARENT_PAGE_CSS } from "../src/index.js";
import { connectionsClosed, fakeObs, rejection, widget } from "./fixtures.js";

describe("addWidgetToObs", () => {
  it("creates a browser source named after the widget in the current program scene", async () => {
    const obs = await fakeObs({ scenes: ["Starting Soon", "Gameplay"], currentScene: "Gameplay" });

    const result = await addWidgetToObs({ url: obs.url, widget });

    expect(result).toEqual({ action: "created", scene: "Gameplay", inputName: "Heart Rate", requests: 3 });
    const create = obs.requests().find((request) => request.requestType === "CreateInput");
    expect(create?.requestData).toEqual({
      sceneName: "Gameplay",
      inputName: "Heart Rate",
      inputKind: "browser_source",
      inputSettings: { url: widget.url, width: 400, height: 200, css: TRANSPARENT_PAGE_CSS },
      sceneItemEnabled: true,
    });
    expect(obs.scenes()).toEqual([
      { sceneName: "Starting Soon", sources: [] },
      { sceneName: "Gameplay", sources: ["Heart Rate"] },
    ]);
    expect(result.requests).toBe(obs.requests().length);
    expect(await connectionsClosed(obs)).toBe(0);
  });

  it("updates the source of the same name instead of adding a second one", async () => {
    const obs = await fakeObs();
    await addWidgetToObs({ url: obs.url, widget });
    const moved = { ...widget, url: `${widget.url}?v=2` };

    const result = await addWidgetToObs({ url: obs.url, widget: moved });

    expect(result).toEqual({ action: "updated", scene: "Scene", inputName: "Heart Rate", requests: 4 });
    expect(obs.inputs()).toHaveLength(1);
    expect(obs.inputs()[0]?.inputSettings).toMatchObject({ url: moved.url, width: 400, height: 200 });
    expect(obs.scenes()[0]?.sources).toEqual(["Heart Rate"]);
    const set = obs.requests().find((request) => request.requestType === "SetInputSettings");
    expect(set?.requestData).toEqual({
      inputName: "Heart Rate",
      inputSettings: { url: moved.url, width: 400, height: 200 },
    });
    expect(obs.requests().filter((request) => request.requestType === "CreateInput")).toHaveLength(1);
  });

  it("keeps a streamer's own css when it updates the url", async () => {
    const obs = await fakeObs({
      inputs: [{ inputName: "Heart Rate", inputSettings: { url: "old", css: "body { zoom: 2 }" }, scenes: ["Scene"] }],
    });

    await addWidgetToObs({ url: obs.url, widget });

    expect(obs.inputs()[0]?.inputSettings).toEqual({
      url: widget.url,
      width: 400,
      height: 200,
      css: "body { zoom: 2 }",
    });
  });

  it("adds the existing source to the named scene when it is only in another one", async () => {
    const obs = await fakeObs({
      scenes: ["Gameplay", "Just Chatting"],
      inputs: [{ inputName: "Heart Rate", scenes: ["Gameplay"] }],
    });

    const result = await addWidgetToObs({ url: obs.url, widget, scene: "Just Chatting" });

    expect(result).toEqual({ action: "updated", scene: "Just Chatting", inputName: "Heart Rate", requests: 5 });
    const add = obs.requests().find((request) => request.requestType === "CreateSceneItem");
    expect(add?.requestData).toEqual({ sceneName: "Just Chatting", sourceName: "Heart Rate", sceneItemEnabled: true });
    expect(obs.scenes()).toEqual([
      { sceneName: "Gameplay", sources: ["Heart Rate"] },
      { sceneName: "Just Chatting", sources: ["Heart Rate"] },
    ]);
    expect(obs.inputs()).toHaveLength(1);
  });

  it("creates the source in a named scene that is not on air", async () => {
    const obs = await fakeObs({ scenes: ["Gameplay", "BRB"], currentScene: "Gameplay" });

    const result = await addWidgetToObs({ url: obs.url, widget, scene: "BRB" });

    expect(result).toMatchObject({ action: "created", scene: "BRB", requests: 3 });
    expect(obs.requests()[0]?.requestType).toBe("GetSceneList");
    expect(obs.scenes()).toEqual([
      { sceneName: "Gameplay", sources: [] },
      { sceneName: "BRB", sources: ["Heart Rate"] },
    ]);
  });

  it("uses the size it is given", async () => {
    const obs = await fakeObs();

    await addWidgetToObs({ url: obs.url, widget, size: { width: 300, height: 300 } });

    expect(obs.inputs()[0]?.inputSettings).toMatchObject({ width: 300, height: 300 });
  });

  it("names the source after the widget id when the widget has no name", async () => {
    const obs = await fakeObs();

    const result = await addWidgetToObs({ url: obs.url, widget: { ...widget, name: "  " } });

    expect(result.inputName).toBe(`Pulsoid widget ${widget.id}`);
  });

  it("lists OBS's scenes, top first, when the named scene does not exist", async () => {
    const obs = await fakeObs({ scenes: ["Starting Soon", "Gameplay", "BRB"] });

    const error = await rejection(addWidgetToObs({ url: obs.url, widget, scene: "Gamplay" }));

    expect(error).toBeInstanceOf(ObsError);
    expect(error).toMatchObject({ kind: "unknown_scene", scenes: ["Starting Soon", "Gameplay", "BRB"] });
    expect((error as ObsError).message).toBe(
      'OBS has no scene named "Gamplay". Scenes in OBS: "Starting Soon", "Gameplay", "BRB". Pick one of those, or name none to use the current program scene.',
    );
    expect(obs.requests().map((request) => request.requestType)).toEqual(["GetSceneList"]);
    expect(await connectionsClosed(obs)).toBe(0);
  });

  it("leaves a source of the same name that is not a browser source alone", async () => {
    const obs = await fakeObs({
      inputs: [{ inputName: "Heart Rate", inputKind: "text_ft2_source_v2", scenes: ["Scene"] }],
    });

    const error = await rejection(addWidgetToObs({ url: obs.url, widget }));

    expect(error).toMatchObject({ kind: "failed" });
    expect((error as Error).message).toContain(
      'OBS already has a source named "Heart Rate" that is not a browser source',
    );
    expect((error as Error).message).toContain(widget.url);
    expect(obs.requests().map((request) => request.requestType)).not.toContain("SetInputSettings");
  });

  it("says so when a scene has the widget's name", async () => {
    const obs = await fakeObs({ scenes: ["Scene", "Heart Rate"] });

    const error = await rejection(addWidgetToObs({ url: obs.url, widget }));

    expect(error).toMatchObject({ kind: "failed", code: 602 });
    expect((error as Error).message).toContain('OBS already has a scene named "Heart Rate"');
  });

  it("turns an OBS refusal into a failed error with its code and the widget's URL", async () => {
    const obs = await fakeObs();
    obs.failNext("CreateInput", { code: 700, comment: "Creation of the input failed." });

    const error = await rejection(addWidgetToObs({ url: obs.url, widget }));

    expect(error).toMatchObject({ kind: "failed", code: 700 });
    expect((error as Error).message).toContain("OBS refused CreateInput (code 700: Creation of the input failed.)");
    expect((error as Error).message).toContain(widget.url);
  });
});

describe("listObsScenes", () => {
  it("gives the scenes top first and the current program scene in one request", async () => {
    const obs = await fakeObs({ scenes: ["Starting Soon", "Gameplay", "BRB"], currentScene: "Gameplay" });

    const scenes = await listObsScenes({ url: obs.url });

    expect(scenes).toEqual({
      scenes: ["Starting Soon", "Gameplay", "BRB"],
      currentProgramScene: "Gameplay",
      requests: 1,
    });
    expect(await connectionsClosed(obs)).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { currentProgramSceneAnswer, sceneListAnswer, scenesTopFirst } from "./answers.js";

describe("OBS answers", () => {
  it("orders scenes as OBS's Scenes dock shows them, from obs-websocket's bottom-first list", () => {
    const answer = sceneListAnswer.parse({
      currentProgramSceneName: "Gameplay",
      scenes: [
        { sceneIndex: 0, sceneName: "BRB", sceneUuid: "c" },
        { sceneIndex: 1, sceneName: "Gameplay", sceneUuid: "b" },
        { sceneIndex: 2, sceneName: "Starting Soon", sceneUuid: "a" },
      ],
    });

    expect(scenesTopFirst(answer)).toEqual(["Starting Soon", "Gameplay", "BRB"]);
  });

  it("reads the program scene from obs-websocket 5.5's sceneName and older currentProgramSceneName", () => {
    expect(currentProgramSceneAnswer.parse({ sceneName: "A", currentProgramSceneName: "A" })).toEqual({
      sceneName: "A",
    });
    expect(currentProgramSceneAnswer.parse({ currentProgramSceneName: "B" })).toEqual({ sceneName: "B" });
    expect(currentProgramSceneAnswer.safeParse({}).success).toBe(false);
  });
});

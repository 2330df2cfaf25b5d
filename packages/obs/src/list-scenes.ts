import { sceneListAnswer, scenesTopFirst } from "./answers.js";
import { type ObsConnectionOptions, withObs } from "./session.js";

/** OBS's scenes, for a scene picker */
export interface ObsScenes {
  /** scene names in the order OBS's Scenes dock shows them, top first */
  scenes: string[];
  /** the scene on air; undefined only if OBS reports none */
  currentProgramScene: string | undefined;
  /** requests sent to OBS */
  requests: number;
}

/** lists OBS's scenes and the current program scene */
export function listObsScenes(options: ObsConnectionOptions = {}): Promise<ObsScenes> {
  return withObs(options, undefined, async (obs) => {
    const answer = obs.read(sceneListAnswer, await obs.call("GetSceneList"), "GetSceneList");
    return {
      scenes: scenesTopFirst(answer),
      currentProgramScene: answer.currentProgramSceneName ?? undefined,
      requests: obs.requests,
    };
  });
}

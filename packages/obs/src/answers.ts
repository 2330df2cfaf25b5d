import * as z from "zod";

// the fields this package reads from OBS's answers; anything else OBS sends is kept but not relied on

/** GetCurrentProgramScene (`sceneName` since obs-websocket 5.5, `currentProgramSceneName` before) */
export const currentProgramSceneAnswer = z
  .object({ sceneName: z.string().optional(), currentProgramSceneName: z.string().optional() })
  .refine((a) => a.sceneName !== undefined || a.currentProgramSceneName !== undefined)
  .transform((a) => ({ sceneName: (a.sceneName ?? a.currentProgramSceneName) as string }));

/** GetSceneList; `sceneIndex` counts from the bottom of OBS's scene list */
export const sceneListAnswer = z.object({
  currentProgramSceneName: z.string().nullable().optional(),
  scenes: z.array(z.looseObject({ sceneName: z.string(), sceneIndex: z.number().optional() })),
});

/** GetInputSettings */
export const inputSettingsAnswer = z.object({
  inputKind: z.string(),
  inputSettings: z.record(z.string(), z.unknown()),
});

/** GetSceneItemList */
export const sceneItemListAnswer = z.object({
  sceneItems: z.array(z.looseObject({ sourceName: z.string() })),
});

/** scene names in the order OBS's Scenes dock shows them, top first */
export function scenesTopFirst(answer: z.infer<typeof sceneListAnswer>): string[] {
  const scenes = answer.scenes.map((scene, position) => ({
    name: scene.sceneName,
    index: scene.sceneIndex ?? position,
  }));
  return scenes.sort((a, b) => b.index - a.index).map((scene) => scene.name);
}

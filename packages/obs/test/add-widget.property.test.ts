import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { startFakeObs } from "../src/fake/index.js";
import { addWidgetToObs } from "../src/index.js";

const name = fc.string({ minLength: 1, maxLength: 24 }).filter((text) => text.trim() !== "" && text.trim() === text);

describe("addWidgetToObs, for any widget name and scene", () => {
  it("leaves exactly one browser source of that name, in the scene, pointing at the latest URL", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(name, { minLength: 1, maxLength: 4 }),
        name,
        fc.nat(),
        fc.integer({ min: 1, max: 3 }),
        async (scenes, widgetName, pick, times) => {
          fc.pre(!scenes.includes(widgetName));
          const scene = scenes[pick % scenes.length] as string;
          const obs = await startFakeObs({ scenes });
          try {
            for (let n = 1; n <= times; n += 1) {
              const result = await addWidgetToObs({
                url: obs.url,
                scene,
                widget: { id: "w", name: widgetName, url: `https://pulsoid.net/widget/view/w?run=${n}` },
              });
              expect(result.action).toBe(n === 1 ? "created" : "updated");
            }
            expect(obs.inputs().filter((input) => input.inputName === widgetName)).toEqual([
              expect.objectContaining({
                inputKind: "browser_source",
                inputSettings: expect.objectContaining({ url: `https://pulsoid.net/widget/view/w?run=${times}` }),
              }),
            ]);
            expect(obs.scenes().find((each) => each.sceneName === scene)?.sources).toEqual([widgetName]);
          } finally {
            await obs.close();
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});

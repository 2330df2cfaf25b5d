import { type FakeObs, startFakeObs } from "@pulsekit/obs/fake";
import { afterEach, describe, expect, it } from "vitest";
import { obsConnection } from "./obs-settings.js";
import { placeInObs } from "./place-in-obs.js";

let obs: FakeObs | undefined;
afterEach(async () => {
  await obs?.close();
  obs = undefined;
});

const widget = { id: "w1", name: "Overlay", url: "https://pulsoid.net/widget/view/w1" };

describe("placeInObs", () => {
  it("adds the widget to the current program scene when the key names none", async () => {
    obs = await startFakeObs({ scenes: ["Gameplay", "BRB"], currentScene: "BRB" });
    const url = obs.url;
    const placement = await placeInObs({
      obs: { add: true, scene: " " },
      connection: async () => obsConnection({ obsUrl: url }),
      widget,
    });
    expect(placement).toEqual({ ok: true, result: expect.objectContaining({ action: "created", scene: "BRB" }) });
    expect(obs.scenes()).toContainEqual({ sceneName: "BRB", sources: ["Overlay"] });
  });

  it("uses the key's scene, and gives OBS's error as a value when the scene is not there", async () => {
    obs = await startFakeObs({ scenes: ["Gameplay", "BRB"] });
    const url = obs.url;
    const placement = await placeInObs({
      obs: { add: true, scene: "Intro" },
      connection: async () => obsConnection({ obsUrl: url }),
      widget,
    });
    expect(placement.ok).toBe(false);
    expect(!placement.ok && placement.error).toMatchObject({ kind: "unknown_scene", scenes: ["Gameplay", "BRB"] });
  });

  it("gives a failure to read the settings as a value too", async () => {
    const placement = await placeInObs({
      obs: { add: true },
      connection: () => Promise.reject(new Error("no settings")),
      widget,
    });
    expect(placement).toEqual({ ok: false, error: new Error("no settings") });
  });
});

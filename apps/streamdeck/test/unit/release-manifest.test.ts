import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { debugSettings, withoutDebugSettings } from "../../scripts/release-manifest.mjs";
import { appDir } from "../support/plugin-package.js";

const devManifest = () => JSON.parse(readFileSync(join(appDir, "dev.pulsekit.widgets.sdPlugin/manifest.json"), "utf8"));

describe("debugSettings", () => {
  it("finds the debug switch the development manifest has", () => {
    expect(debugSettings(devManifest())).toEqual(["Nodejs.Debug"]);
  });

  it("finds debug and profiling keys and inspector arguments at any depth", () => {
    const manifest = {
      Nodejs: { Version: "20", Debug: "disabled", GenerateProfilerOutput: true },
      Actions: [{ UUID: "a", Args: ["--inspect=127.0.0.1:9229"] }],
    };
    expect(debugSettings(manifest)).toEqual(["Nodejs.Debug", "Nodejs.GenerateProfilerOutput", "Actions.0.Args.0"]);
  });
});

describe("withoutDebugSettings", () => {
  it("drops only the debug settings", () => {
    const manifest = devManifest();
    const released = withoutDebugSettings(manifest);
    expect(debugSettings(released)).toEqual([]);
    expect(released.Nodejs).toEqual({ Version: "20" });
    expect(released.Actions).toEqual(manifest.Actions);
    expect(released.Actions[0].PropertyInspectorPath).toBe("ui/create-widget.html");
    expect(released.UUID).toBe("dev.pulsekit.widgets");
  });
});

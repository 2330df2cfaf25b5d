import { invalidInput, validateWidgetName } from "@pulsekit/core";
import { describe, expect, it } from "vitest";
import { checkFlag, flagError, settingsFromFlags } from "./widget-settings.js";

describe("settingsFromFlags", () => {
  it("turns the flags into configuration keys, a #RRGGBB colour stored as #RRGGBBFF", () => {
    expect(settingsFromFlags({ heartColor: "#ff3355", heart: false, font: "Inter" })).toEqual({
      heartColor: "#ff3355FF",
      heartEnabled: false,
      font: "Inter",
    });
    expect(settingsFromFlags({})).toEqual({});
  });

  it("names the flag in a mistake and keeps the field's path", () => {
    expect(() => settingsFromFlags({ heartColor: "red" })).toThrow(
      /^--heart-color must be a colour like #FF3355 or #FF3355FF/,
    );
    try {
      settingsFromFlags({ heartColor: "#1234" });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ kind: "invalid_input", field: "configuration.heartColor" });
    }
  });
});

describe("flagError", () => {
  it("says core's rule of the flag", () => {
    expect(checkFlag.bind(null, "--name", () => validateWidgetName(""))).toThrow(
      "--name must not be empty. Fix it and try again.",
    );
  });

  it("keeps core's whole sentence after the flag when it does not start with the field's label", () => {
    const error = invalidInput("name", "must be short").with({}, "Something else went wrong.");
    expect(flagError("--name", error).message).toBe("--name: Something else went wrong.");
  });
});

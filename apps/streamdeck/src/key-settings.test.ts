import { BASIC_BPM_META_ID, isPulsoidError } from "@pulsekit/core";
import { describe, expect, it } from "vitest";
import { DEFAULT_NAME_TEMPLATE, parseKeySettings, widgetRequestFor } from "./key-settings.js";

const now = new Date(2026, 0, 2, 3, 4, 5);

describe("parseKeySettings", () => {
  it("keeps known fields of the right type and drops the rest", () => {
    expect(
      parseKeySettings({
        preset: "zones",
        name: 5,
        heartEnabled: "yes",
        heartColor: "#11223344",
        configuration: [1],
        counter: -1,
        lastWidgetId: "w1",
        extra: true,
      }),
    ).toEqual({ preset: "zones", heartColor: "#11223344", lastWidgetId: "w1" });
  });

  it("treats anything but an object as empty settings", () => {
    expect(parseKeySettings(null)).toEqual({});
    expect(parseKeySettings("x")).toEqual({});
  });
});

describe("widgetRequestFor", () => {
  it("uses the default preset and name template for a new key", () => {
    const request = widgetRequestFor({}, now);
    expect(request).toMatchObject({ name: DEFAULT_NAME_TEMPLATE.replace("{counter}", "1"), counter: 1 });
    expect(request.metaId).toBe(BASIC_BPM_META_ID);
    expect(request.configuration.heartEnabled).toBe(true);
  });

  it("fills the template from the next counter and the date", () => {
    const request = widgetRequestFor({ name: "Run {counter} {date} {time}", counter: 4 }, now);
    expect(request.name).toBe("Run 5 2026-01-02 03-04-05");
    expect(request.counter).toBe(5);
  });

  it("layers preset, overrides, then the heart fields", () => {
    const request = widgetRequestFor(
      {
        preset: "minimal",
        heartEnabled: true,
        heartColor: "#ABCDEF12",
        configuration: { font: "Inter", heartEnabled: false },
      },
      now,
    );
    expect(request.configuration).toEqual({ heartEnabled: true, heartColor: "#ABCDEF12", font: "Inter" });
  });

  it("names the field that is wrong", () => {
    const failure = (settings: Parameters<typeof widgetRequestFor>[0]) => {
      try {
        widgetRequestFor(settings, now);
      } catch (error) {
        return isPulsoidError(error) ? { kind: error.kind, field: error.field } : error;
      }
      return undefined;
    };
    expect(failure({ preset: "nope" })).toEqual({ kind: "invalid_input", field: "preset" });
    expect(failure({ heartColor: "red" })).toEqual({ kind: "invalid_input", field: "configuration.heartColor" });
    expect(failure({ name: "x".repeat(101) })).toEqual({ kind: "invalid_input", field: "name" });
  });
});

import { BASIC_BPM_META_ID, isPulsoidError } from "@pulsekit/core";
import { describe, expect, it } from "vitest";
import { DEFAULT_NAME_TEMPLATE, keySettingsToStore, parseKeySettings, widgetRequestFor } from "./key-settings.js";

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
    expect(parseKeySettings([{ name: "x" }])).toEqual({});
  });

  it("reads every field of the wrong type as missing, without throwing", () => {
    const wrong = {
      preset: ["zones"],
      name: { text: "x" },
      heartEnabled: "false",
      heartColor: 12345,
      configuration: "{}",
      counter: "41",
      lastWidgetId: 9,
      lastWidgetUrl: ["https://pulsoid.net/widget/view/w"],
      lastWidgetName: null,
      unfinished: "yes",
    };
    expect(parseKeySettings(wrong)).toEqual({});
    expect(widgetRequestFor(parseKeySettings(wrong), now).name).toBe("Heart rate 1");
  });

  it("keeps only whole counters from 0 and only https widget addresses", () => {
    expect(parseKeySettings({ counter: 1.5 })).toEqual({});
    expect(parseKeySettings({ counter: 3 })).toEqual({ counter: 3 });
    expect(parseKeySettings({ lastWidgetUrl: "javascript:alert(1)" })).toEqual({});
    expect(parseKeySettings({ lastWidgetUrl: "http://pulsoid.net/widget/view/w" })).toEqual({});
    expect(parseKeySettings({ lastWidgetUrl: "https://pulsoid.net/widget/view/w" })).toEqual({
      lastWidgetUrl: "https://pulsoid.net/widget/view/w",
    });
  });

  it("keeps the hand-over of a press that may have made its widget, and drops a broken one", () => {
    const unfinished = {
      name: "Hung",
      metaId: BASIC_BPM_META_ID,
      configuration: { heartEnabled: true },
      existingIds: ["a"],
    };
    expect(parseKeySettings({ unfinished: { ...unfinished, extra: 1 } })).toEqual({ unfinished });
    expect(parseKeySettings({ unfinished: { ...unfinished, existingIds: ["a", 2] } })).toEqual({});
    expect(parseKeySettings({ unfinished: { ...unfinished, configuration: [] } })).toEqual({});
    expect(parseKeySettings({ unfinished: { ...unfinished, name: undefined } })).toEqual({});
  });
});

describe("the key's OBS choice", () => {
  it("reads Add to OBS and a scene, and a scene of the wrong type as none", () => {
    expect(parseKeySettings({ obs: { add: true } })).toEqual({ obs: { add: true } });
    expect(parseKeySettings({ obs: { add: false, scene: "BRB" } })).toEqual({ obs: { add: false, scene: "BRB" } });
    expect(parseKeySettings({ obs: { add: true, scene: 3 } })).toEqual({ obs: { add: true } });
  });

  it("reads an OBS choice without a yes or no as none, so a press adds nothing", () => {
    expect(parseKeySettings({ obs: { add: "yes" } })).toEqual({});
    expect(parseKeySettings({ obs: true })).toEqual({});
  });

  it("keeps what a newer version adds inside it", () => {
    expect(keySettingsToStore({}, parseKeySettings({ obs: { add: true, size: 2 } }))).toEqual({
      obs: { add: true, size: 2 },
    });
  });
});

describe("keySettingsToStore", () => {
  it("writes the known fields given, keeps keys this version does not know, and drops wrong-typed ones", () => {
    const raw = { name: 7, heartEnabled: "false", counter: 2, sound: { on: true }, lastWidgetId: "old" };
    expect(keySettingsToStore(raw, { counter: 3, lastWidgetId: "new" })).toEqual({
      sound: { on: true },
      counter: 3,
      lastWidgetId: "new",
    });
  });

  it("never writes a field of the wrong type even when asked to", () => {
    expect(keySettingsToStore({}, { counter: -1 } as never)).toEqual({});
  });
});

describe("widgetRequestFor", () => {
  it("asks again for exactly what an unfinished press asked for", () => {
    const unfinished = { name: "Hung 01-02-03", metaId: "m", configuration: { font: "Inter" }, existingIds: [] };
    expect(widgetRequestFor({ name: "Other {time}", counter: 4, unfinished }, now)).toEqual({
      name: "Hung 01-02-03",
      metaId: "m",
      configuration: { font: "Inter" },
      counter: 5,
    });
  });

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

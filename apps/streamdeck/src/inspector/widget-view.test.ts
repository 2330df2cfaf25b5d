import { DEFAULT_API_URL } from "@pulsekit/core";
import { describe, expect, it } from "vitest";
import { lastWidget, showsHeart } from "./widget-view.js";

describe("showsHeart", () => {
  it("follows the preset: classic and zones show a heart, minimal none", () => {
    expect(showsHeart({})).toBe(true);
    expect(showsHeart({ preset: "zones" })).toBe(true);
    expect(showsHeart({ preset: "minimal" })).toBe(false);
    expect(showsHeart({ preset: "Minimal" })).toBe(false);
  });

  it("follows the key's own switch over the preset", () => {
    expect(showsHeart({ preset: "minimal", heartEnabled: true })).toBe(true);
    expect(showsHeart({ preset: "classic", heartEnabled: false })).toBe(false);
  });
});

describe("lastWidget", () => {
  const url = "https://pulsoid.net/widget/view/abc";

  it("is nothing before the key's first widget", () => {
    expect(lastWidget({}, DEFAULT_API_URL)).toBeUndefined();
  });

  it("gives the OBS URL with no caveat on Pulsoid's API", () => {
    expect(lastWidget({ lastWidgetUrl: url, lastWidgetName: "Run 1" }, DEFAULT_API_URL)).toEqual({
      name: "Run 1",
      url,
    });
  });

  it("adds core's caveat when the widget was made elsewhere", () => {
    const widget = lastWidget({ lastWidgetUrl: url }, "http://127.0.0.1:9999");
    expect(widget?.name).toBe("Widget");
    expect(widget?.caveat).toMatch(/\S/);
  });
});

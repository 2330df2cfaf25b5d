import { describe, expect, it } from "vitest";
import { configurationFileName, summarizeConfiguration } from "./configuration-summary";

describe("summarizeConfiguration", () => {
  it("describes heart, colour and ranges in words", () => {
    expect(
      summarizeConfiguration({
        heartEnabled: false,
        heartColor: "#FF0000FF",
        ranges: [{ from: 0, to: 99, color: "#00FF00FF" }],
      }),
    ).toEqual({ heart: "hidden", heartColor: "#FF0000FF", ranges: "0–99 #00FF00FF" });
  });

  it("treats a missing heartEnabled as shown, as Pulsoid does", () => {
    expect(summarizeConfiguration({})).toEqual({ heart: "shown", heartColor: "Pulsoid's default", ranges: "none" });
  });
});

describe("configurationFileName", () => {
  it("makes a safe file name the JSON schema applies to", () => {
    expect(configurationFileName("My Stream / Heart!")).toBe("my-stream-heart.pulsoid-widget.json");
    expect(configurationFileName("???")).toBe("widget.pulsoid-widget.json");
  });
});

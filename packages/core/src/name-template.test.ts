import { describe, expect, it } from "vitest";
import { isNameTemplate, renderWidgetName } from "./name-template.js";

describe("renderWidgetName", () => {
  const now = new Date(2026, 10, 28, 9, 5, 7);

  it("fills the counter, date and time", () => {
    expect(renderWidgetName("Stream {counter} {date} {time}", { counter: 3, now })).toBe(
      "Stream 3 2026-11-28 09-05-07",
    );
  });

  it("leaves plain names alone", () => {
    expect(renderWidgetName("Overlay", { counter: 9, now })).toBe("Overlay");
    expect(isNameTemplate("Overlay")).toBe(false);
    expect(isNameTemplate("Overlay {counter}")).toBe(true);
  });
});

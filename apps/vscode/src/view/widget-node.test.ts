import { describe, expect, it } from "vitest";
import { WIDGET_ITEM_CONTEXT, type WidgetNode, widgetItemText, widgetOf } from "./widget-node";

const widget = {
  id: "w-123",
  name: "Stream heart",
  meta_id: "bf6bdf21-10a7-4a28-97ec-a239e6c77f8b",
  configuration: {},
};

describe("widgetItemText", () => {
  it("shows the name, the type beside it, and the id and OBS URL on hover", () => {
    const text = widgetItemText(widget, "https://dev.pulsoid.net");
    expect(text.label).toBe("Stream heart");
    expect(text.description).toBe("Heart rate (BPM)");
    expect(text.tooltip.split("\n")).toEqual([
      "Stream heart",
      "Heart rate (BPM)",
      "id w-123",
      "OBS URL https://pulsoid.net/widget/view/w-123",
    ]);
  });

  it("says on hover that a widget made elsewhere than Pulsoid shows nothing at its pulsoid.net URL", () => {
    const text = widgetItemText(widget, "http://127.0.0.1:4100");
    expect(text.tooltip).toMatch(/made on http:\/\/127\.0\.0\.1:4100, not on Pulsoid/);
  });

  it("names an unnamed widget so the row is not blank", () => {
    expect(widgetItemText({ ...widget, name: "" }, "https://dev.pulsoid.net").label).toBe("(no name)");
  });
});

describe("widgetOf", () => {
  it("takes the widget of the row a command ran on, else of the selected row", () => {
    const row: WidgetNode = { kind: "widget", widget };
    const problem: WidgetNode = { kind: "problem", message: "x", fix: { command: "c", title: "t" } };
    expect(widgetOf(row, undefined)).toBe(widget);
    expect(widgetOf(undefined, row)).toBe(widget);
    expect(widgetOf(problem, undefined)).toBeUndefined();
    expect(widgetOf("pulsekit.widget", {})).toBeUndefined();
    expect(WIDGET_ITEM_CONTEXT).toBe("pulsekit.widget");
  });
});

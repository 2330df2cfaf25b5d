import { describe, expect, it } from "vitest";
import { findWidget } from "./find-widget.js";
import type { Widget } from "./schema.js";

const widget = (id: string, name: string): Widget => ({ id, name, meta_id: "m", configuration: {} }) as Widget;
const widgets = [widget("a1", "Stream classic"), widget("b2", "Zones"), widget("c3", "zones")];

describe("findWidget", () => {
  it("finds by id first, then by name in any case", () => {
    expect(findWidget(widgets, "b2").id).toBe("b2");
    expect(findWidget(widgets, " stream CLASSIC ").id).toBe("a1");
  });

  it("refuses a name several widgets share, listing their ids", () => {
    expect(() => findWidget(widgets, "zones")).toThrow(
      expect.objectContaining({
        kind: "invalid_input",
        field: "widget",
        message: 'The widget "zones" is the name of 2 widgets (b2, c3). Use the id of the one you mean.',
      }),
    );
  });

  it("says when nothing matches, suggesting the closest name", () => {
    expect(() => findWidget(widgets, "Stream clasic")).toThrow(/Did you mean "Stream classic"\?/);
    expect(() => findWidget(widgets, "nope")).toThrow(
      expect.objectContaining({ field: "widget", message: expect.not.stringContaining("Did you mean") }),
    );
  });
});

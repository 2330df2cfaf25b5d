import { describe, expect, it } from "vitest";
import { BASIC_BPM_META_ID } from "../src/index.js";
import { apiCalls, useEmulator } from "./emulator.js";
import { rejection } from "./reject.js";

const ctx = useEmulator();

describe("createWidget", () => {
  it("sends exactly the documented body and returns the widget", async () => {
    const widget = await ctx.client().createWidget({ name: "Test", configuration: { heartEnabled: false } });
    expect(widget).toMatchObject({ meta_id: BASIC_BPM_META_ID, name: "Test", configuration: { heartEnabled: false } });
    const [before, request] = ctx.emulator.requests();
    expect(before).toMatchObject({ method: "GET", path: "/api/v1/widgets", status: 200 });
    expect(request).toMatchObject({ method: "POST", path: "/api/v1/widgets", status: 200 });
    expect(request?.body).toEqual({ configuration: { heartEnabled: false }, name: "Test", meta_id: BASIC_BPM_META_ID });
    expect(ctx.emulator.widgets()).toEqual([widget]);
  });

  it("sends a trimmed name", async () => {
    await ctx.client().createWidget({ name: "  Overlay  ", configuration: {} });
    expect(ctx.emulator.widgets()[0]?.name).toBe("Overlay");
  });

  it("never sends a request for a bad configuration", async () => {
    const error = await rejection(
      ctx.client().createWidget({ name: "x", configuration: { ranges: [{ from: 120, to: 80, color: "#FFFFFFFF" }] } }),
    );
    expect(error.kind).toBe("invalid_input");
    expect(error.field).toBe("configuration.ranges[0]");
    expect(ctx.emulator.requests()).toEqual([]);
  });

  it("never sends a request for a bad name", async () => {
    const error = await rejection(ctx.client().createWidget({ name: "", configuration: {} }));
    expect(error.field).toBe("name");
    expect(ctx.emulator.requests()).toEqual([]);
  });

  it("reports a missing widgets:update scope", async () => {
    const error = await rejection(ctx.client({}, ["widgets:read"]).createWidget({ name: "x", configuration: {} }));
    expect(error.kind).toBe("insufficient_scope");
    expect(error.code).toBe("7011");
    expect(error.missingScopes).toEqual(["widgets:update"]);
    expect(error.message).toContain("missing the permission widgets:update, which creating or changing widgets needs");
    expect(ctx.emulator.widgets()).toEqual([]);
  });
});

describe("listWidgets", () => {
  const other = {
    meta_id: "f0654a12-3a59-4beb-b567-c5febda19c48",
    name: "Other",
    configuration: { colorScheme: 3 },
  };

  it.each(["object", "array"] as const)("reads the %s list shape and keeps widgets of other types", async (shape) => {
    ctx.emulator.configure({ listShape: shape });
    ctx.emulator.seedWidgets([other]);
    const client = ctx.client();
    const mine = await client.createWidget({ name: "Mine", configuration: { heartEnabled: true } });
    const widgets = await client.listWidgets();
    expect(widgets.map((widget) => widget.name)).toEqual(["Other", "Mine"]);
    expect(widgets[1]).toEqual(mine);
    expect(widgets[0]?.meta_id).toBe(other.meta_id);
  });

  it("needs only widgets:read", async () => {
    await expect(ctx.client({}, ["widgets:read"]).listWidgets()).resolves.toEqual([]);
  });
});

describe("updateWidget", () => {
  it("posts only the configuration to /api/v1/widgets/{id}", async () => {
    const client = ctx.client();
    const widget = await client.createWidget({ name: "W", configuration: { heartEnabled: true } });
    const updated = await client.updateWidget(widget.id, { heartEnabled: false });
    expect(updated.configuration).toEqual({ heartEnabled: false });
    const last = ctx.emulator.requests().at(-1);
    expect(last).toMatchObject({ method: "POST", path: `/api/v1/widgets/${widget.id}`, status: 200 });
    expect(last?.body).toEqual({ configuration: { heartEnabled: false } });
  });

  it("says not_found for an unknown id", async () => {
    const error = await rejection(ctx.client().updateWidget("0000-unknown", { heartEnabled: false }));
    expect(error.kind).toBe("not_found");
    expect(error.status).toBe(404);
  });

  it("merges a partial change into the current configuration (read-modify-write)", async () => {
    const client = ctx.client();
    const widget = await client.createWidget({
      name: "W",
      configuration: { heartEnabled: true, heartColor: "#FF0000FF", customKey: { keep: true } },
    });
    const merged = await client.mergeWidgetConfiguration(widget.id, { heartColor: "#00FF00FF" });
    expect(merged.configuration).toEqual({ heartEnabled: true, heartColor: "#00FF00FF", customKey: { keep: true } });
    expect(apiCalls(ctx.emulator).slice(2)).toEqual(["GET /api/v1/widgets", `POST /api/v1/widgets/${widget.id}`]);
    expect(ctx.emulator.requests().at(-1)?.body).toEqual({ configuration: merged.configuration });
  });

  it("validates the merged result against the widget's type before sending", async () => {
    const client = ctx.client();
    const widget = await client.createWidget({ name: "W", configuration: {} });
    const error = await rejection(client.mergeWidgetConfiguration(widget.id, { heartColor: "green" }));
    expect(error.field).toBe("configuration.heartColor");
    expect(apiCalls(ctx.emulator).at(-1)).toBe("GET /api/v1/widgets");
  });

  it("leaves widgets of other types' configuration to their own rules", async () => {
    const [seeded] = ctx.emulator.seedWidgets([
      { meta_id: "b828337f-cdb0-49d2-8e55-9b1285cd0d22", name: "Other", configuration: { heartColor: "red" } },
    ]);
    const merged = await ctx.client().mergeWidgetConfiguration(seeded?.id ?? "", { size: 2 });
    expect(merged.configuration).toEqual({ heartColor: "red", size: 2 });
  });

  it("says not_found when the widget is not in the list", async () => {
    const error = await rejection(ctx.client().mergeWidgetConfiguration("missing-id", { heartEnabled: true }));
    expect(error.kind).toBe("not_found");
    expect(error.message).toContain("missing-id");
  });
});

import { describe, expect, it } from "vitest";
import { BASIC_BPM_META_ID, describeError } from "../src/index.js";
import { apiCalls, useEmulator } from "./emulator.js";
import { rejection } from "./reject.js";

const ctx = useEmulator();
const input = { name: "Once", configuration: { heartEnabled: true, heartColor: "#FF3355FF" } };

describe("one createWidget call never leaves two widgets", () => {
  it("costs one list and one create when nothing goes wrong", async () => {
    const widget = await ctx.client().createWidget(input);
    expect(ctx.emulator.widgets()).toEqual([widget]);
    expect(apiCalls(ctx.emulator)).toEqual(["GET /api/v1/widgets", "POST /api/v1/widgets"]);
  });

  it("never reports an older widget of the same name and configuration as the one it made", async () => {
    const [old] = ctx.emulator.seedWidgets([
      { name: input.name, meta_id: BASIC_BPM_META_ID, configuration: input.configuration },
    ]);
    ctx.emulator.addFault({ method: "POST", path: "/api/v1/widgets", status: 502 });
    const widget = await ctx.client().createWidget(input);
    expect(widget.id).not.toBe(old?.id);
    expect(ctx.emulator.widgets().map((w) => w.id)).toEqual([old?.id, widget.id]);
  });

  it("fails without naming an older widget when the create keeps failing and nothing was stored", async () => {
    ctx.emulator.seedWidgets([{ name: input.name, meta_id: BASIC_BPM_META_ID, configuration: input.configuration }]);
    ctx.emulator.addFault({ method: "POST", path: "/api/v1/widgets", status: 502, times: 10 });
    const error = await rejection(ctx.client({ retry: { retries: 1, minDelayMs: 1 } }).createWidget(input));
    expect(error).toMatchObject({ kind: "server", mayHaveCreated: false });
    expect(ctx.emulator.widgets()).toHaveLength(1);
  });

  it("finds the widget stored before the connection was reset", async () => {
    ctx.emulator.addFault({ method: "POST", path: "/api/v1/widgets", resetAfterStore: true });
    const widget = await ctx.client().createWidget(input);
    expect(ctx.emulator.widgets()).toEqual([widget]);
    expect(apiCalls(ctx.emulator)).toEqual(["GET /api/v1/widgets", "POST /api/v1/widgets", "GET /api/v1/widgets"]);
  });

  it("creates again after a 503 once the list shows nothing was stored", async () => {
    ctx.emulator.addFault({ method: "POST", path: "/api/v1/widgets", status: 503 });
    const widget = await ctx.client().createWidget(input);
    expect(ctx.emulator.widgets()).toEqual([widget]);
    expect(apiCalls(ctx.emulator)).toEqual([
      "GET /api/v1/widgets",
      "POST /api/v1/widgets",
      "GET /api/v1/widgets",
      "POST /api/v1/widgets",
    ]);
  });

  it("looks before deciding after a malformed answer, and does not send the create twice", async () => {
    ctx.emulator.addFault({ method: "POST", path: "/api/v1/widgets", malformed: "json" });
    const error = await rejection(ctx.client().createWidget(input));
    expect(error.kind).toBe("invalid_response");
    expect(apiCalls(ctx.emulator)).toEqual(["GET /api/v1/widgets", "POST /api/v1/widgets", "GET /api/v1/widgets"]);
  });

  it("does not create blindly again after a timeout", async () => {
    ctx.emulator.addFault({ method: "POST", path: "/api/v1/widgets", hang: true });
    const error = await rejection(ctx.client({ timeoutMs: 200 }).createWidget(input));
    expect(error).toMatchObject({ kind: "timeout", mayHaveCreated: true, retryable: false });
    expect(apiCalls(ctx.emulator)).toEqual(["GET /api/v1/widgets", "POST /api/v1/widgets", "GET /api/v1/widgets"]);
  });

  it("says the widget may have been created when it cannot look (no widgets:read)", async () => {
    ctx.emulator.addFault({ method: "POST", path: "/api/v1/widgets", resetAfterStore: true });
    const error = await rejection(ctx.client({}, ["widgets:update"]).createWidget(input));
    expect(error.kind).toBe("network");
    expect(error.mayHaveCreated).toBe(true);
    expect(describeError(error)).toMatch(/may have been created/);
    expect(ctx.emulator.widgets()).toHaveLength(1);
    expect(apiCalls(ctx.emulator).filter((call) => call === "POST /api/v1/widgets")).toHaveLength(1);
  });

  it("retries a create refused with 429 (nothing was stored)", async () => {
    ctx.emulator.addFault({ method: "POST", path: "/api/v1/widgets", status: 429 });
    await ctx.client().createWidget(input);
    expect(apiCalls(ctx.emulator)).toEqual(["GET /api/v1/widgets", "POST /api/v1/widgets", "POST /api/v1/widgets"]);
    expect(ctx.emulator.widgets()).toHaveLength(1);
  });

  it("does not retry a create the API refused for good", async () => {
    ctx.emulator.addFault({ method: "POST", path: "/api/v1/widgets", status: 403, errorCode: 7006 });
    const error = await rejection(ctx.client().createWidget(input));
    expect(error.kind).toBe("unauthorized");
    expect(apiCalls(ctx.emulator)).toEqual(["GET /api/v1/widgets", "POST /api/v1/widgets"]);
  });
});

describe("a create that may have been made is finished by the next call, not repeated", () => {
  it("hands over what it knows, and the next call finds the widget without sending a second create", async () => {
    ctx.emulator.seedWidgets([{ name: input.name, meta_id: BASIC_BPM_META_ID, configuration: input.configuration }]);
    ctx.emulator.addFault({ method: "POST", path: "/api/v1/widgets", delayMs: 400 });
    const client = ctx.client({ timeoutMs: 150 });
    const error = await rejection(client.createWidget(input));
    expect(error).toMatchObject({ kind: "timeout", mayHaveCreated: true });
    expect(error.unfinishedCreate?.existingIds).toHaveLength(1);
    // the slow create lands after the client gave up
    await new Promise((resolve) => setTimeout(resolve, 400));
    const [, late] = ctx.emulator.widgets();
    const calls = apiCalls(ctx.emulator).length;

    const widget = await client.createWidget(input, { unfinished: error.unfinishedCreate });
    expect(widget.id).toBe(late?.id);
    expect(ctx.emulator.widgets()).toHaveLength(2);
    expect(apiCalls(ctx.emulator).slice(calls)).toEqual(["GET /api/v1/widgets"]);
  });

  it("creates it when the earlier call did not store it after all", async () => {
    ctx.emulator.addFault({ method: "POST", path: "/api/v1/widgets", hang: true });
    const client = ctx.client({ timeoutMs: 150 });
    const error = await rejection(client.createWidget(input));
    const widget = await client.createWidget(input, { unfinished: error.unfinishedCreate });
    expect(ctx.emulator.widgets()).toEqual([widget]);
  });

  it("ignores a hand-over for a different widget", async () => {
    const client = ctx.client();
    const other = { name: "Other", metaId: BASIC_BPM_META_ID, configuration: {}, existingIds: [] };
    ctx.emulator.seedWidgets([{ name: "Other", meta_id: BASIC_BPM_META_ID, configuration: {} }]);
    const widget = await client.createWidget(input, { unfinished: other });
    expect(widget.name).toBe(input.name);
  });
});

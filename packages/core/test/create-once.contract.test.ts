import { describe, expect, it } from "vitest";
import { describeError } from "../src/index.js";
import { apiCalls, useEmulator } from "./emulator.js";
import { rejection } from "./reject.js";

const ctx = useEmulator();
const input = { name: "Once", configuration: { heartEnabled: true, heartColor: "#FF3355FF" } };

describe("one createWidget call never leaves two widgets", () => {
  it("finds the widget stored before the connection was reset", async () => {
    ctx.emulator.addFault({ method: "POST", path: "/api/v1/widgets", resetAfterStore: true });
    const widget = await ctx.client().createWidget(input);
    expect(ctx.emulator.widgets()).toEqual([widget]);
    expect(apiCalls(ctx.emulator)).toEqual(["POST /api/v1/widgets", "GET /api/v1/widgets"]);
  });

  it("creates again after a 503 once the list shows nothing was stored", async () => {
    ctx.emulator.addFault({ method: "POST", path: "/api/v1/widgets", status: 503 });
    const widget = await ctx.client().createWidget(input);
    expect(ctx.emulator.widgets()).toEqual([widget]);
    expect(apiCalls(ctx.emulator)).toEqual(["POST /api/v1/widgets", "GET /api/v1/widgets", "POST /api/v1/widgets"]);
  });

  it("looks before deciding after a malformed answer, and does not send the create twice", async () => {
    ctx.emulator.addFault({ method: "POST", path: "/api/v1/widgets", malformed: "json" });
    const error = await rejection(ctx.client().createWidget(input));
    expect(error.kind).toBe("invalid_response");
    expect(apiCalls(ctx.emulator)).toEqual(["POST /api/v1/widgets", "GET /api/v1/widgets"]);
  });

  it("does not create blindly again after a timeout", async () => {
    ctx.emulator.addFault({ method: "POST", path: "/api/v1/widgets", hang: true });
    const error = await rejection(ctx.client({ timeoutMs: 200 }).createWidget(input));
    expect(error).toMatchObject({ kind: "timeout", mayHaveCreated: true, retryable: false });
    expect(apiCalls(ctx.emulator)).toEqual(["POST /api/v1/widgets", "GET /api/v1/widgets"]);
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
    expect(apiCalls(ctx.emulator)).toEqual(["POST /api/v1/widgets", "POST /api/v1/widgets"]);
    expect(ctx.emulator.widgets()).toHaveLength(1);
  });

  it("does not retry a create the API refused for good", async () => {
    ctx.emulator.addFault({ method: "POST", path: "/api/v1/widgets", status: 403, errorCode: 7006 });
    const error = await rejection(ctx.client().createWidget(input));
    expect(error.kind).toBe("unauthorized");
    expect(apiCalls(ctx.emulator)).toEqual(["POST /api/v1/widgets"]);
  });
});

import { describe, expect, it, vi } from "vitest";
import { createGlobalSettingsStore } from "./global-settings-store.js";
import { StepTimeoutError } from "./with-timeout.js";

describe("createGlobalSettingsStore", () => {
  it("asks the app once and then answers from what it knows", async () => {
    const request = vi.fn(async () => ({ token: "t" }));
    const store = createGlobalSettingsStore({ request, save: async () => {}, timeoutMs: 100 });
    expect(await store.get()).toEqual({ token: "t" });
    expect(await store.get()).toEqual({ token: "t" });
    expect(request).toHaveBeenCalledTimes(1);
  });

  it("gives up after the time limit when the app never answers, without asking twice at once", async () => {
    const request = vi.fn(() => new Promise<unknown>(() => {}));
    const store = createGlobalSettingsStore({ request, save: async () => {}, timeoutMs: 20 });
    await expect(store.get()).rejects.toBeInstanceOf(StepTimeoutError);
    await expect(store.get()).rejects.toBeInstanceOf(StepTimeoutError);
    expect(request).toHaveBeenCalledTimes(1);
  });

  it("uses settings the app pushed, even when it never answered the request", async () => {
    const store = createGlobalSettingsStore({
      request: () => new Promise(() => {}),
      save: async () => {},
      timeoutMs: 20,
    });
    store.received({ token: "pushed" });
    expect(await store.get()).toEqual({ token: "pushed" });
  });

  it("reads what the app holds now, not what it knew", async () => {
    let held: unknown = { token: "old" };
    const store = createGlobalSettingsStore({ request: async () => held, save: async () => {}, timeoutMs: 100 });
    expect(await store.get()).toEqual({ token: "old" });
    held = { token: "new" };
    expect(await store.read()).toEqual({ token: "new" });
    expect(await store.get()).toEqual({ token: "new" });
  });

  it("reads settings of the wrong shape through the schema", async () => {
    const store = createGlobalSettingsStore({
      request: async () => ({ token: 5, apiBaseUrl: "http://127.0.0.1:1" }),
      save: async () => {},
      timeoutMs: 100,
    });
    expect(await store.get()).toEqual({ apiBaseUrl: "http://127.0.0.1:1" });
    expect(store.received("nonsense")).toEqual({});
  });

  it("applies an update to what the app holds now and saves the result", async () => {
    const save = vi.fn(async () => {});
    let held: unknown = { apiBaseUrl: "http://x" };
    const store = createGlobalSettingsStore({ request: async () => held, save, timeoutMs: 100 });
    await store.get();
    held = { apiBaseUrl: "http://x", obsUrl: "ws://y" };
    expect(await store.update((current) => ({ ...current, token: "new" }))).toBe(true);
    expect(save).toHaveBeenCalledWith({ apiBaseUrl: "http://x", obsUrl: "ws://y", token: "new" });
    expect(await store.get()).toEqual({ apiBaseUrl: "http://x", obsUrl: "ws://y", token: "new" });
  });

  it("stores nothing when the change says so", async () => {
    const save = vi.fn(async () => {});
    const store = createGlobalSettingsStore({ request: async () => ({ token: "t" }), save, timeoutMs: 100 });
    expect(await store.update(() => undefined)).toBe(false);
    expect(save).not.toHaveBeenCalled();
  });
});

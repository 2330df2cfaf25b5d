import { describe, expect, it, vi } from "vitest";
import type { GlobalSettings } from "./endpoints.js";
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
    const request = vi.fn(() => new Promise<GlobalSettings>(() => {}));
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

  it("merges an update into the current settings and saves the result", async () => {
    const save = vi.fn(async () => {});
    const store = createGlobalSettingsStore({
      request: async () => ({ apiBaseUrl: "http://x" }),
      save,
      timeoutMs: 100,
    });
    const next = await store.update((current) => ({ ...current, token: "new" }));
    expect(next).toEqual({ apiBaseUrl: "http://x", token: "new" });
    expect(save).toHaveBeenCalledWith({ apiBaseUrl: "http://x", token: "new" });
    expect(await store.get()).toEqual(next);
  });
});

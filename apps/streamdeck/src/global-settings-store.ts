import type { GlobalSettings } from "./endpoints.js";
import { withTimeout } from "./with-timeout.js";

/** the plugin's view of its global settings: kept current from the app's events, fetched with a time limit */
export interface GlobalSettingsStore {
  /** the latest settings; asks the app when none arrived yet, and gives up after the time limit */
  get(): Promise<GlobalSettings>;
  /** records settings the app sent (didReceiveGlobalSettings) */
  received(settings: GlobalSettings): void;
  /** merges a change, stores it with the app and returns the new settings */
  update(change: (current: GlobalSettings) => GlobalSettings): Promise<GlobalSettings>;
}

/** a store over the app's getGlobalSettings / setGlobalSettings */
export function createGlobalSettingsStore(options: {
  request: () => Promise<GlobalSettings>;
  save: (settings: GlobalSettings) => Promise<void>;
  timeoutMs: number;
}): GlobalSettingsStore {
  let current: GlobalSettings | undefined;
  // one outstanding request at a time: the app may never answer, and each request leaves a listener behind
  let pending: Promise<GlobalSettings> | undefined;

  const ask = (): Promise<GlobalSettings> => {
    pending ??= options.request().then((settings) => {
      pending = undefined;
      current ??= settings;
      return current;
    });
    return pending;
  };

  return {
    async get() {
      if (current) return current;
      return withTimeout(ask(), options.timeoutMs, "Stream Deck (plugin settings)");
    },
    received(settings) {
      current = { ...settings };
    },
    async update(change) {
      const base = current ?? (await withTimeout(ask(), options.timeoutMs, "Stream Deck (plugin settings)"));
      current = change({ ...base });
      await options.save(current);
      return current;
    },
  };
}

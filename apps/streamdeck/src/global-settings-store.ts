import { type GlobalSettings, parseGlobalSettings } from "./global-settings.js";
import { withTimeout } from "./with-timeout.js";

/** the plugin's view of its global settings: kept current from the app's events, fetched with a time limit */
export interface GlobalSettingsStore {
  /** the latest settings; asks the app when none arrived yet, and gives up after the time limit */
  get(): Promise<GlobalSettings>;
  /** asks the app for what it holds now (another writer may have changed it), within the time limit */
  read(): Promise<GlobalSettings>;
  /** the settings last seen, without asking the app */
  peek(): GlobalSettings | undefined;
  /** records settings the app sent (didReceiveGlobalSettings) and returns them as read */
  received(raw: unknown): GlobalSettings;
  /**
   * reads what the app holds now, applies the change and stores the result; a change that returns
   * undefined stores nothing. Resolves true when it stored something
   */
  update(change: (current: GlobalSettings) => GlobalSettings | undefined): Promise<boolean>;
}

/** a store over the app's getGlobalSettings / setGlobalSettings; everything read goes through the schema */
export function createGlobalSettingsStore(options: {
  request: () => Promise<unknown>;
  save: (settings: GlobalSettings) => Promise<void>;
  timeoutMs: number;
}): GlobalSettingsStore {
  let current: GlobalSettings | undefined;
  // one outstanding warm-up request at a time: the app may never answer, and each request leaves a listener behind
  let pending: Promise<GlobalSettings> | undefined;

  const limit = <T>(promise: Promise<T>) => withTimeout(promise, options.timeoutMs, "Stream Deck (plugin settings)");

  const read = async (): Promise<GlobalSettings> => {
    current = parseGlobalSettings(await limit(options.request()));
    return current;
  };

  return {
    async get() {
      if (current) return current;
      pending ??= options.request().then((raw) => {
        pending = undefined;
        current ??= parseGlobalSettings(raw);
        return current;
      });
      return limit(pending);
    },
    read,
    peek: () => current,
    received(raw) {
      current = parseGlobalSettings(raw);
      return current;
    },
    async update(change) {
      const next = change(await read());
      if (next === undefined) return false;
      current = next;
      await options.save(next);
      return true;
    },
  };
}

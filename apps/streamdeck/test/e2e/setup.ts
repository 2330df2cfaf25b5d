import { readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { type Emulator, startEmulator } from "@pulsekit/emulator";
import { installPackedPlugin } from "../support/plugin-package.js";
import { type HostOptions, type Message, StreamDeckHost } from "../support/stream-deck-host.js";

/** a running emulator, an installed plugin and the app playing host */
export type Deck = { emulator: Emulator; host: StreamDeckHost; pluginDir: string };

/** what a test sets up before the plugin starts */
export type DeckOptions = Omit<HostOptions, "pluginDir" | "globalSettings"> & {
  /** the plugin's stored global settings, possibly using the emulator (e.g. a seeded token) */
  globalSettings?: Message | ((emulator: Emulator) => Message);
};

/** starts everything one test needs; the plugin reaches the emulator through PULSOID_API_URL / PULSOID_OAUTH_URL */
export async function startDeck(options: DeckOptions = {}): Promise<Deck> {
  const emulator = await startEmulator({ port: 0 });
  const pluginDir = await installPackedPlugin();
  const globalSettings =
    typeof options.globalSettings === "function" ? options.globalSettings(emulator) : options.globalSettings;
  const host = await StreamDeckHost.start({
    ...options,
    ...(globalSettings ? { globalSettings } : {}),
    pluginDir,
    env: {
      PULSOID_API_URL: emulator.url,
      PULSOID_OAUTH_URL: emulator.url,
      PULSOID_CLIENT_ID: "pulsekit-test",
      ...options.env,
    },
  });
  return { emulator, host, pluginDir };
}

/** stops the plugin and the emulator and removes the installed copy */
export async function stopDeck(deck: Deck | undefined): Promise<void> {
  if (!deck) return;
  await deck.host.stop();
  await deck.emulator.close();
  rmSync(dirname(deck.pluginDir), { recursive: true, force: true });
}

/** everything the plugin wrote to its log files */
export function readPluginLogs(pluginDir: string): string {
  const dir = join(pluginDir, "logs");
  let text = "";
  for (const name of readdirSync(dir)) text += readFileSync(join(dir, name), "utf8");
  return text;
}

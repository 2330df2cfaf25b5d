import { DEFAULT_PRESET_ID, getPreset, type WidgetPreset, widgetUrlCaveat } from "@pulsekit/core";
import type { KeySettings } from "../key-settings.js";

/** the key's preset; an unknown one reads as the default, as a press would fail on it anyway */
export function presetOf(settings: KeySettings): WidgetPreset {
  try {
    return getPreset(settings.preset ?? DEFAULT_PRESET_ID);
  } catch {
    return getPreset(DEFAULT_PRESET_ID);
  }
}

/** whether the next widget shows a heart: the key's switch, else its preset's (`minimal` shows none) */
export function showsHeart(settings: KeySettings): boolean {
  return (settings.heartEnabled ?? presetOf(settings).configuration.heartEnabled ?? true) === true;
}

/** the last widget this key made, as the page shows it: its OBS URL and, off Pulsoid, why OBS may show nothing */
export type LastWidget = { name: string; url: string; caveat?: string };

/** the key's last widget, or undefined before its first press */
export function lastWidget(settings: KeySettings, apiBaseUrl: string | undefined): LastWidget | undefined {
  const url = settings.lastWidgetUrl;
  if (!url) return undefined;
  const caveat = apiBaseUrl === undefined ? undefined : widgetUrlCaveat(apiBaseUrl);
  return { name: settings.lastWidgetName || "Widget", url, ...(caveat ? { caveat } : {}) };
}

import { fieldLabel, isPulsoidError, type PulsoidError, validateConfiguration } from "@pulsekit/core";

/** the widget settings `widgets create` and `widgets update` take as flags */
export interface SettingFlags {
  heartColor?: string;
  heart?: boolean;
  font?: string;
}

/** each flag, the configuration key it sets and how the user spells it */
const FLAGS = [
  { option: "heartColor", key: "heartColor", flag: "--heart-color" },
  { option: "heart", key: "heartEnabled", flag: "--heart" },
  { option: "font", key: "font", flag: "--font" },
] as const;

/**
 * an invalid_input error whose value came from a flag, told in the flag's name: "--heart-color must be a colour
 * like #FF3355 …" instead of "The heart colour (heartColor) must be …"; the field path stays in error.field
 */
export function flagError(flag: string, error: PulsoidError): PulsoidError {
  const label = error.field === undefined ? "" : fieldLabel(error.field);
  const startsWithLabel = label !== "" && error.message.toLowerCase().startsWith(`${label.toLowerCase()} `);
  return error.with(
    {},
    startsWithLabel ? `${flag} ${error.message.slice(label.length + 1)}` : `${flag}: ${error.message}`,
  );
}

/** runs a check of a value a flag supplied, so a mistake names the flag */
export function checkFlag<T>(flag: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (isPulsoidError(error) && error.kind === "invalid_input") throw flagError(flag, error);
    throw error;
  }
}

/** the configuration keys the flags set, each checked on its own (a colour #RRGGBB comes back as #RRGGBBFF) */
export function settingsFromFlags(options: SettingFlags): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const { option, key, flag } of FLAGS) {
    const value = options[option];
    if (value === undefined) continue;
    const name = option === "heart" && value === false ? "--no-heart" : flag;
    Object.assign(
      settings,
      checkFlag(name, () => validateConfiguration({ [key]: value })),
    );
  }
  return settings;
}

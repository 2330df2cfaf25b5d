import * as z from "zod";

/** a field kept only when it has the right kind; anything else reads as missing */
const field = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/**
 * the plugin-wide settings the app keeps privately, the only place the token and the OBS password live. Known fields are
 * checked; other keys pass through untouched, so writing the settings back keeps them
 */
export const globalSettingsSchema = z.looseObject({
  token: field(z.string().trim().min(1)),
  apiBaseUrl: field(z.string()),
  oauthBaseUrl: field(z.string()),
  oauthClientId: field(z.string()),
  /** OBS's WebSocket address; missing means OBS's default */
  obsUrl: field(z.string()),
  /** OBS's WebSocket server password: a secret, kept here only, like the token */
  obsPassword: field(z.string().min(1)),
});

/** the plugin's global settings as read back from the app */
export type GlobalSettings = z.infer<typeof globalSettingsSchema>;

/** global settings from whatever the app sent; anything but an object reads as none */
export function parseGlobalSettings(raw: unknown): GlobalSettings {
  const parsed = globalSettingsSchema.safeParse(raw);
  if (!parsed.success) return {};
  // a field of the wrong kind is dropped, not written back as undefined
  return Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined));
}

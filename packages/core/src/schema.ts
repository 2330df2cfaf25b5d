import * as z from "zod";
import { isPlainObject } from "./merge-patch.js";

/** bpm bounds a heart-rate range must stay within */
export const MIN_BPM = 0;
/** bpm bounds a heart-rate range must stay within */
export const MAX_BPM = 300;

const HEX_COLOR = /^#(?:[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})$/;

/** true for a colour PulseKit accepts: `#RRGGBBAA` as Pulsoid stores it, or `#RRGGBB` (opaque) */
export function isHexColor(value: unknown): value is string {
  return typeof value === "string" && HEX_COLOR.test(value);
}

/** a colour in Pulsoid's `#RRGGBBAA` form: `#RRGGBB` gets the alpha FF (opaque); anything else is returned as is */
export function normalizeHexColor(value: string): string {
  return isHexColor(value) && value.length === 7 ? `${value}FF` : value;
}

/** a colour as Pulsoid stores it: `#RRGGBBAA`; `#RRGGBB` is accepted and stored with alpha FF */
const COLOR_RULE = "must be a colour like #FF3355 or #FF3355FF (red, green, blue and optionally alpha, in hex)";
export const hexColorSchema = z
  .string({ error: COLOR_RULE })
  .regex(HEX_COLOR, { error: COLOR_RULE })
  .transform(normalizeHexColor);

/** a JSON value (what a configuration may hold) */
const jsonValue = z.json({ error: "must be plain JSON (text, numbers, booleans, lists, objects)" });

/** a bpm bound of a range */
const bpmSchema = z
  .number({ error: "must be a number of beats per minute" })
  .finite({ error: "must be a finite number" })
  .min(MIN_BPM, { error: `must be at least ${MIN_BPM} bpm` })
  .max(MAX_BPM, { error: `must be at most ${MAX_BPM} bpm` });

/** a heart-rate range shown in one colour */
export const heartRateRangeSchema = z
  .object({ from: bpmSchema, to: bpmSchema, color: hexColorSchema })
  .catchall(jsonValue)
  .refine((range) => range.from <= range.to, { error: "must have from <= to (the lower bpm bound first)" });
/** a heart-rate range shown in one colour */
export type HeartRateRange = z.infer<typeof heartRateRangeSchema>;

/** any widget's configuration: a JSON object whose schema depends on the widget type */
export const widgetConfigurationSchema = z.record(z.string(), jsonValue, { error: "must be a JSON object" });
/** any widget's configuration */
export type WidgetConfiguration = z.infer<typeof widgetConfigurationSchema>;

/** the basic BPM widget's configuration: known keys typed, unknown keys kept when they are plain JSON */
export const basicBpmConfigurationSchema = z
  .object(
    {
      heartEnabled: z.boolean({ error: "must be true or false" }).optional(),
      heartColor: hexColorSchema.optional(),
      ranges: z.array(heartRateRangeSchema, { error: "must be a list of {from, to, color}" }).optional(),
      font: z.string({ error: "must be a font name" }).min(1, { error: "must not be empty" }).optional(),
    },
    { error: "must be a JSON object" },
  )
  .catchall(jsonValue);
/** the basic BPM widget's configuration */
export type BasicBpmConfiguration = z.infer<typeof basicBpmConfigurationSchema>;

/** a widget name as PulseKit accepts it */
export const widgetNameSchema = z
  .string({ error: "must be text" })
  .trim()
  .min(1, { error: "must not be empty" })
  .max(100, { error: "must be at most 100 characters" })
  .refine((name) => !/\p{Cc}/u.test(name), { error: "must not contain control characters" });

/** a widget as Pulsoid returns it */
export const widgetSchema = z.looseObject({
  id: z.string().min(1),
  meta_id: z.string(),
  name: z.string(),
  // an object, kept as it came: its keys belong to the widget type (a record schema would visit and copy each one)
  configuration: z.custom<Record<string, unknown>>(isPlainObject, { error: "must be an object" }),
});
/** a widget as Pulsoid returns it */
export type Widget = z.infer<typeof widgetSchema>;

/** the body of POST /api/v1/widgets */
export const createWidgetBodySchema = z.strictObject({
  configuration: widgetConfigurationSchema,
  name: widgetNameSchema,
  meta_id: z.string().min(1),
});
/** the body of POST /api/v1/widgets */
export type CreateWidgetBody = z.infer<typeof createWidgetBodySchema>;

/** the body of POST /api/v1/widgets/{id} */
export const updateWidgetBodySchema = z.strictObject({ configuration: widgetConfigurationSchema });
/** the body of POST /api/v1/widgets/{id} */
export type UpdateWidgetBody = z.infer<typeof updateWidgetBodySchema>;

/** `{"widget": Widget}` */
export const widgetResponseSchema = z.object({ widget: widgetSchema });

/** `{"widgets": [...]}`, or a bare array (the docs say both) */
export const widgetListResponseSchema = z
  .union([z.object({ widgets: z.array(widgetSchema) }), z.array(widgetSchema)])
  .transform((value) => (Array.isArray(value) ? value : value.widgets));

const scopesSchema = z
  .union([z.array(z.string()), z.string()])
  .transform((value) => (Array.isArray(value) ? value : value.split(/[\s,]+/).filter(Boolean)));

/** GET /api/v1/token/validate; the token itself, if echoed, is dropped */
export const tokenValidationSchema = z
  .object({
    client_id: z.string(),
    expires_in: z.number(),
    profile_id: z.string().nullable().optional().default(null),
    scopes: scopesSchema,
  })
  .transform(({ client_id, expires_in, profile_id, scopes }) => ({ client_id, expires_in, profile_id, scopes }));
/** what Pulsoid says about a token */
export type TokenValidation = z.infer<typeof tokenValidationSchema>;

/** Pulsoid's error body; `error_code` documented as a number, shown as a string */
export const errorBodySchema = z.object({
  error_code: z.union([z.number(), z.string()]).transform(String),
  error_message: z.string().optional(),
});
/** Pulsoid's error body */
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** GET /api/v1/profile; the docs name the user `username`, one example `login`: both are read */
export const profileSchema = z
  .object({
    username: z.string().nullish(),
    login: z.string().nullish(),
    channel: z.string().nullish(),
  })
  .transform(({ username, login, channel }) => ({ username: username || login || null, channel: channel || null }));
/** the signed-in user as Pulsoid names them */
export type Profile = z.infer<typeof profileSchema>;

/** a heart-rate message: `{measured_at, data: {heart_rate}}` (JSON), or a bare number in the plain-text mode */
export const heartRateMessageSchema = z.union([
  z
    .object({ measured_at: z.number(), data: z.object({ heart_rate: z.number().min(0).max(400) }) })
    .transform(({ measured_at, data }) => ({ bpm: data.heart_rate, measuredAt: measured_at })),
  z
    .number()
    .min(0)
    .max(400)
    .transform((bpm) => ({ bpm, measuredAt: undefined })),
]);

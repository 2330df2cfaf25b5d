// the messages the property inspector and the plugin exchange through sendToPlugin / sendToPropertyInspector
import * as z from "zod";
import { zonesSchema } from "./heart-rate/zones.js";

const inspectorRequestSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("getStatus") }),
  z.object({ type: z.literal("signIn") }),
  z.object({ type: z.literal("cancelSignIn") }),
  z.object({ type: z.literal("signOut") }),
  // a pasted token: the plugin checks it with Pulsoid and stores it; nothing else carries a token
  z.object({ type: z.literal("saveToken"), token: z.string().trim().min(1).max(512) }),
  // the OAuth client id for device sign-in (not a secret); empty removes it
  z.object({ type: z.literal("setClientId"), clientId: z.string().trim().max(200) }),
  // OBS's address (empty: OBS's default) and, when typed, its password; the plugin stores both, then tries them
  z.object({
    type: z.literal("saveObs"),
    url: z.string().trim().max(500),
    password: z.string().min(1).max(500).optional(),
  }),
  z.object({ type: z.literal("forgetObsPassword") }),
  z.object({ type: z.literal("getObsSetup") }),
  // the scenes of the OBS the global settings point at, for the key's Scene field
  z.object({ type: z.literal("listObsScenes") }),
]);

/** what a Heart Rate key's inspector asks besides the account requests */
const heartRateRequestSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("getHeartRate") }),
  z.object({ type: z.literal("listWidgets") }),
]);

/** a Heart Rate inspector's own request */
export type HeartRateRequest = z.infer<typeof heartRateRequestSchema>;

/** the Heart Rate request in a sendToPlugin payload, or undefined for anything else */
export function parseHeartRateRequest(payload: unknown): HeartRateRequest | undefined {
  const parsed = heartRateRequestSchema.safeParse(payload);
  return parsed.success ? parsed.data : undefined;
}

/** what the property inspector asks the plugin to do */
export type InspectorRequest = z.infer<typeof inspectorRequestSchema>;

const signInStatusSchema = z.enum(["signed_out", "checking", "signed_in", "refused", "unreachable"]);

/** sign-in state as the inspector shows it */
export type SignInStatus = z.infer<typeof signInStatusSchema>;

// the requests a failure can be reported for: a new request type does not compile until it is listed here
const requestTypeSchema = z.enum([
  "getStatus",
  "signIn",
  "cancelSignIn",
  "signOut",
  "saveToken",
  "setClientId",
  "saveObs",
  "forgetObsPassword",
  "getObsSetup",
  "listObsScenes",
]);

const pluginMessageSchema = z.union([
  z.object({
    type: z.literal("status"),
    state: signInStatusSchema,
    headline: z.string(),
    detail: z.string(),
    missingScopes: z.array(z.string()),
  }),
  z.object({ type: z.literal("signIn"), state: z.literal("starting") }),
  z.object({
    type: z.literal("signIn"),
    state: z.literal("awaiting_approval"),
    userCode: z.string(),
    verificationUri: z.string(),
  }),
  z.object({ type: z.literal("signIn"), state: z.enum(["failed", "cancelled"]), detail: z.string() }),
  z.object({ type: z.literal("tokenSaved") }),
  // how sign-in is set up: the API host (for the widget URL caveat) and the OAuth client id, never a token
  z.object({
    type: z.literal("setup"),
    apiBaseUrl: z.string(),
    clientId: z.string(),
    clientIdSource: z.enum(["settings", "environment", "none"]),
  }),
  z.object({ type: z.literal("requestFailed"), request: requestTypeSchema, detail: z.string() }),
  // a press: the widget part, and the OBS part when the key adds to OBS
  z.object({
    type: z.literal("pressResult"),
    ok: z.boolean(),
    detail: z.string(),
    obs: z.object({ ok: z.boolean(), detail: z.string() }).optional(),
  }),
  // the OBS settings as the page may see them: the address, and whether a password is saved (never the password)
  z.object({ type: z.literal("obsSetup"), url: z.string(), defaultUrl: z.string(), passwordSaved: z.boolean() }),
  z.object({
    type: z.literal("obsScenes"),
    scenes: z.array(z.string()),
    currentProgramScene: z.string().optional(),
  }),
  // OBS could not be reached or refused: why, and what to do
  z.object({ type: z.literal("obsFailed"), kind: z.string(), detail: z.string() }),
  // the live heart rate's connection, for a Heart Rate key's inspector
  z.object({
    type: z.literal("heartRate"),
    state: z.string(),
    headline: z.string(),
    detail: z.string(),
  }),
  // the account's widgets with their zones, for copying a widget's ranges into a Heart Rate key
  z.object({
    type: z.literal("widgets"),
    widgets: z.array(z.object({ id: z.string(), name: z.string(), zones: zonesSchema })),
  }),
  z.object({ type: z.literal("widgetsFailed"), detail: z.string() }),
]);

/** what the plugin tells the property inspector; never a token or the OBS password */
export type PluginMessage = z.infer<typeof pluginMessageSchema>;

/** the request in a sendToPlugin payload, or undefined for anything else */
export function parseInspectorRequest(payload: unknown): InspectorRequest | undefined {
  const parsed = inspectorRequestSchema.safeParse(payload);
  return parsed.success ? parsed.data : undefined;
}

/** the plugin's message in a sendToPropertyInspector payload, or undefined for anything else */
export function parsePluginMessage(payload: unknown): PluginMessage | undefined {
  const parsed = pluginMessageSchema.safeParse(payload);
  return parsed.success ? parsed.data : undefined;
}

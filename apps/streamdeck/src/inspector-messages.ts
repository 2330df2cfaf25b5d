// the messages the property inspector and the plugin exchange through sendToPlugin / sendToPropertyInspector
import * as z from "zod";

const inspectorRequestSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("getStatus") }),
  z.object({ type: z.literal("signIn") }),
  z.object({ type: z.literal("cancelSignIn") }),
  z.object({ type: z.literal("signOut") }),
  // a pasted token: the plugin checks it with Pulsoid and stores it; nothing else carries a token
  z.object({ type: z.literal("saveToken"), token: z.string().trim().min(1).max(512) }),
]);

/** what the property inspector asks the plugin to do */
export type InspectorRequest = z.infer<typeof inspectorRequestSchema>;

/** sign-in state as the inspector shows it */
export type SignInStatus = "signed_out" | "checking" | "signed_in" | "refused" | "unreachable";

/** what the plugin tells the property inspector; never a token */
export type PluginMessage =
  | { type: "status"; state: SignInStatus; headline: string; detail: string; missingScopes: string[] }
  | { type: "signIn"; state: "starting" }
  | { type: "signIn"; state: "awaiting_approval"; userCode: string; verificationUri: string }
  | { type: "signIn"; state: "failed" | "cancelled"; detail: string }
  | { type: "tokenSaved" }
  | { type: "requestFailed"; request: InspectorRequest["type"]; detail: string }
  | { type: "pressResult"; ok: boolean; detail: string };

/** the request in a sendToPlugin payload, or undefined for anything else */
export function parseInspectorRequest(payload: unknown): InspectorRequest | undefined {
  const parsed = inspectorRequestSchema.safeParse(payload);
  return parsed.success ? parsed.data : undefined;
}

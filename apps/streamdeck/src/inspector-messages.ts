// the messages the property inspector and the plugin exchange through sendToPlugin / sendToPropertyInspector

/** what the property inspector asks the plugin to do */
export type InspectorRequest =
  | { type: "getStatus" }
  | { type: "signIn" }
  | { type: "cancelSignIn" }
  | { type: "signOut" };

/** sign-in state as the inspector shows it */
export type SignInStatus = "signed_out" | "checking" | "signed_in" | "refused" | "unreachable";

/** what the plugin tells the property inspector */
export type PluginMessage =
  | { type: "status"; state: SignInStatus; headline: string; detail: string; missingScopes: string[] }
  | { type: "signIn"; state: "starting" }
  | { type: "signIn"; state: "awaiting_approval"; userCode: string; verificationUri: string }
  | { type: "signIn"; state: "failed" | "cancelled"; detail: string }
  | { type: "pressResult"; ok: boolean; detail: string };

const REQUEST_TYPES = new Set(["getStatus", "signIn", "cancelSignIn", "signOut"]);

/** the request in a sendToPlugin payload, or undefined for anything else */
export function parseInspectorRequest(payload: unknown): InspectorRequest | undefined {
  if (typeof payload !== "object" || payload === null) return undefined;
  const type = (payload as { type?: unknown }).type;
  return typeof type === "string" && REQUEST_TYPES.has(type) ? ({ type } as InspectorRequest) : undefined;
}

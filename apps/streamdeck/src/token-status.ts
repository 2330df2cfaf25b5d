import { checkToken, type PulsoidClient, SCOPES, WIDGET_SCOPES } from "@pulsekit/core";
import type { PluginMessage } from "./inspector-messages.js";

/** the scopes a key press needs */
export const REQUIRED_SCOPES: string[] = [SCOPES.widgetsUpdate];
/** the scopes sign-in asks for: reading lets the core check whether an unclear create went through */
export const SIGN_IN_SCOPES: string[] = [...WIDGET_SCOPES];

type StatusMessage = Extract<PluginMessage, { type: "status" }>;

/** the status shown when no token is stored */
export const SIGNED_OUT_STATUS: StatusMessage = {
  type: "status",
  state: "signed_out",
  headline: "Not signed in",
  detail: "Choose Sign in to connect your Pulsoid account, or paste an access token below.",
  missingScopes: [],
};

/** asks Pulsoid whether the token still works and says so in the inspector's words */
export async function tokenStatus(client: PulsoidClient): Promise<StatusMessage> {
  const status = await checkToken(client, REQUIRED_SCOPES);
  if (status.state === "signed_in") {
    const missing = status.missingScopes;
    return {
      type: "status",
      state: "signed_in",
      headline: missing.length > 0 ? `Signed in, missing ${missing.join(", ")}` : "Signed in",
      detail: status.message,
      missingScopes: missing,
    };
  }
  return {
    type: "status",
    state: status.state,
    headline: status.state === "refused" ? "Token refused" : "Pulsoid unreachable",
    detail: status.message,
    missingScopes: [],
  };
}

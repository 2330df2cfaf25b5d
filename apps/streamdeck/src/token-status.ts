import { checkToken, describeError, type PulsoidClient, SCOPES, TOKEN_SETTINGS_URL } from "@pulsekit/core";
import type { PluginMessage } from "./inspector-messages.js";

/** the scopes a key press needs */
export const REQUIRED_SCOPES: string[] = [SCOPES.widgetsUpdate];

/** the account line of the inspector */
export type StatusMessage = Extract<PluginMessage, { type: "status" }>;

/** the status shown when no token is stored */
export const SIGNED_OUT_STATUS: StatusMessage = {
  type: "status",
  state: "signed_out",
  headline: "Not signed in",
  // the page itself shows the ways in (Sign in, or a token and where to get one)
  detail: "",
  missingScopes: [],
};

/** the status shown while Pulsoid is asked about the token */
export const CHECKING_STATUS: StatusMessage = {
  type: "status",
  state: "checking",
  headline: "Checking…",
  detail: "",
  missingScopes: [],
};

/** signed out here, but Pulsoid did not confirm that the token stopped working */
export function signedOutUnconfirmed(error: unknown): StatusMessage {
  return {
    ...SIGNED_OUT_STATUS,
    detail: `Signed out on this computer, but revoking the token could not be confirmed: ${describeError(error)} To be sure, revoke it at ${TOKEN_SETTINGS_URL}.`,
  };
}

/** the status of a token another sign-in stored while a sign-out ran: that token stays */
export function keptNewerToken(status: StatusMessage): StatusMessage {
  return {
    ...status,
    detail:
      `Another sign-in stored a new token while signing out, so the new one was kept; choose Sign out again to remove it. ${status.detail}`.trim(),
  };
}

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

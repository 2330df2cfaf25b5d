import type { ClientIdSource } from "../endpoints.js";
import type { SignInStatus } from "../inspector-messages.js";

/** where the page is in signing in: no word from the plugin yet, a known status, or a device sign-in under way */
export type AccountPhase = "waiting" | "status" | "starting" | "awaiting_approval";

/** what the account part of the page shows; everything else there is hidden */
export type AccountView = {
  /** the status headline and its detail line */
  status: boolean;
  signIn: boolean;
  signOut: boolean;
  /** the access-token field, with where to get a token */
  token: boolean;
  /** the Advanced part with the Client ID field */
  advanced: boolean;
  /** the user code, the link and Cancel */
  deviceCode: boolean;
};

const NOTHING: AccountView = {
  status: false,
  signIn: false,
  signOut: false,
  token: false,
  advanced: false,
  deviceCode: false,
};

/**
 * one way in or out at a time: Sign in (only with a client id to sign in with) or Sign out, never both; while
 * Pulsoid waits for approval only the code, the link and Cancel
 */
export function accountView(
  phase: AccountPhase,
  state: SignInStatus | undefined,
  clientIdSource: ClientIdSource,
): AccountView {
  if (phase === "awaiting_approval") return { ...NOTHING, deviceCode: true };
  if (phase === "starting" || phase === "waiting" || state === undefined || state === "checking") {
    return { ...NOTHING, status: true };
  }
  // a refused token is replaced by signing in again or pasting a new one
  const signedIn = state === "signed_in" || state === "unreachable";
  return {
    ...NOTHING,
    status: true,
    signIn: !signedIn && clientIdSource !== "none",
    signOut: signedIn,
    token: !signedIn,
    advanced: true,
  };
}

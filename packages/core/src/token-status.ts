import type { PulsoidClient } from "./client.js";
import { describeError, isPulsoidError, PulsoidError } from "./errors.js";
import type { TokenValidation } from "./schema.js";
import { missingScopes, TOKEN_SCOPE_HINT } from "./scopes.js";

/** where a stored token stands, for a status line in any app */
export type TokenStatus =
  | { state: "signed_in"; validation: TokenValidation; missingScopes: string[]; message: string }
  | { state: "refused" | "unreachable"; error: PulsoidError; message: string };

/** asks Pulsoid about the token: signed in (and which needed scopes are missing), refused, or unreachable */
export async function checkToken(client: PulsoidClient, requiredScopes: readonly string[]): Promise<TokenStatus> {
  try {
    const validation = await client.validateToken();
    const missing = missingScopes(validation.scopes, requiredScopes);
    const message =
      missing.length === 0
        ? "Signed in to Pulsoid."
        : `Signed in, but the token is missing ${missing.join(", ")}. ${TOKEN_SCOPE_HINT}`;
    return { state: "signed_in", validation, missingScopes: missing, message };
  } catch (error) {
    const pulsoidError = isPulsoidError(error)
      ? error
      : new PulsoidError("network", describeError(error), { cause: error });
    const state = pulsoidError.kind === "unauthorized" ? "refused" : "unreachable";
    return { state, error: pulsoidError, message: describeError(pulsoidError) };
  }
}

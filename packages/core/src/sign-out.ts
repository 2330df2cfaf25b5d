import type { PulsoidClient } from "./client.js";
import { isPulsoidError } from "./errors.js";

/** how long signing out waits for Pulsoid to revoke the token, retries included, before it goes on without */
export const REVOKE_DEADLINE_MS = 10_000;

/** what signing out did: the app's own answer from `forget`, and why revoking failed, if it did */
export interface SignOutResult<R> {
  /** what `forget` returned: e.g. whether the stored token was removed or a newer one was kept */
  removal: R;
  /** set when Pulsoid could not revoke the token (the user should revoke it by hand); unset when it is revoked */
  revokeError?: unknown;
}

/**
 * the one sign-out rule every app follows: revoke the token at Pulsoid first (a token Pulsoid already refuses
 * counts as revoked), then let the app forget its stored copy, but only while the store still holds that token:
 * another window, terminal or key may have stored a newer one meanwhile, and that one is kept. Forgetting runs
 * even when revoking failed, so signing out always leaves this app signed out of that token
 */
export async function signOut<R>(
  client: Pick<PulsoidClient, "revokeToken">,
  forget: () => R | Promise<R>,
  options: { deadlineMs?: number; signal?: AbortSignal } = {},
): Promise<SignOutResult<R>> {
  let revokeError: unknown;
  try {
    const deadlineMs = options.deadlineMs ?? REVOKE_DEADLINE_MS;
    await client.revokeToken(options.signal ? { deadlineMs, signal: options.signal } : { deadlineMs });
  } catch (error) {
    if (!(isPulsoidError(error) && error.kind === "unauthorized")) revokeError = error;
  }
  const removal = await forget();
  return revokeError === undefined ? { removal } : { removal, revokeError };
}

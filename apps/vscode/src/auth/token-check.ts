import { checkToken, describeError, SCOPES, TOKEN_SCOPE_HINT, type TokenStatus, WIDGET_SCOPES } from "@pulsekit/core";
import type { PulseKit } from "../kit";

/** what Pulsoid said about a token, and the account's username when the token may read the profile */
export interface CheckedToken {
  status: TokenStatus;
  username?: string;
}

/**
 * asks Pulsoid about a token (with a progress notification) before it is stored; a token with profile:read
 * also fetches the username the account then shows under. A profile that cannot be read is logged, not fatal
 */
export function checkWithProgress(kit: PulseKit, token: string, title: string): Promise<CheckedToken> {
  return kit.ui.withProgress({ title, cancellable: false }, async () => {
    const client = kit.client(token, { timeoutMs: 10_000 });
    const status = await checkToken(client, WIDGET_SCOPES);
    if (status.state !== "signed_in" || !status.validation.scopes.includes(SCOPES.profileRead)) return { status };
    try {
      const { username } = await client.getProfile();
      return username ? { status, username } : { status };
    } catch (error) {
      kit.log.info(`could not read the Pulsoid profile for the account name: ${describeError(error)}`);
      return { status };
    }
  });
}

/** the sentence shown after a token was stored */
export function signedInMessage(label: string, missingScopes: string[]): string {
  if (missingScopes.length === 0)
    return `Signed in to Pulsoid as ${label}. The token is kept in VS Code's secret storage.`;
  return `Signed in to Pulsoid as ${label}, but the token is missing the scope ${missingScopes.join(" and ")}, so some commands will fail. ${TOKEN_SCOPE_HINT}`;
}

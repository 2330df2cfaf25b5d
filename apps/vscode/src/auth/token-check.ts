import { checkToken, TOKEN_SCOPE_HINT, type TokenStatus, WIDGET_SCOPES } from "@pulsekit/core";
import type { PulseKit } from "../kit";

/** asks Pulsoid about a token (with a progress notification) before it is stored */
export function checkWithProgress(kit: PulseKit, token: string, title: string): Promise<TokenStatus> {
  return kit.ui.withProgress({ title, cancellable: false }, () =>
    checkToken(kit.client(token, { timeoutMs: 10_000 }), WIDGET_SCOPES),
  );
}

/** the sentence shown after a token was stored */
export function signedInMessage(label: string, missingScopes: string[]): string {
  if (missingScopes.length === 0)
    return `Signed in to Pulsoid as ${label}. The token is kept in VS Code's secret storage.`;
  return `Signed in to Pulsoid as ${label}, but the token is missing the scope ${missingScopes.join(" and ")}, so some commands will fail. ${TOKEN_SCOPE_HINT}`;
}

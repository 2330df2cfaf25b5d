/** the Pulsoid scopes PulseKit asks for; each action needs only its own */
export const SCOPES = {
  widgetsRead: "widgets:read",
  widgetsUpdate: "widgets:update",
  profileRead: "profile:read",
  heartRateRead: "data:heart_rate:read",
} as const;

/** a Pulsoid OAuth scope */
export type Scope = (typeof SCOPES)[keyof typeof SCOPES] | (string & {});

/** the scopes PulseKit's widget commands need */
export const WIDGET_SCOPES: Scope[] = [SCOPES.widgetsRead, SCOPES.widgetsUpdate];

/** the scope the live heart rate needs */
export const HEART_RATE_SCOPES: Scope[] = [SCOPES.heartRateRead];

/**
 * the scopes the apps ask for when signing in: the widget scopes, the live heart rate, and the profile to show
 * the user's name. A token without the last two still works for widgets
 */
export const SIGN_IN_SCOPES: Scope[] = [...WIDGET_SCOPES, SCOPES.heartRateRead, SCOPES.profileRead];

/** the required scopes a token does not have */
export function missingScopes(granted: readonly string[], required: readonly string[]): string[] {
  return required.filter((scope) => !granted.includes(scope));
}

/** what to tell someone whose token lacks a scope */
export const TOKEN_SCOPE_HINT =
  "Sign in again and allow widget access, or create a token with widgets:read and widgets:update at https://pulsoid.net/ui/keys.";

/** the sentence for a token that lacks a scope: which permission, what needs it, and how to get it */
export function missingScopeMessage(scope: string, action: string): string {
  const missing = `The access token is missing the permission ${scope}, which ${action} needs`;
  if (scope === SCOPES.heartRateRead || scope === SCOPES.profileRead) {
    const what = scope === SCOPES.heartRateRead ? "heart-rate" : "profile";
    return `${missing}; widgets keep working. Sign in again and allow ${what} access, or create a token with ${scope} at https://pulsoid.net/ui/keys.`;
  }
  return `${missing}. ${TOKEN_SCOPE_HINT}`;
}

/** the Pulsoid scopes PulseKit asks for; each action needs only its own */
export const SCOPES = {
  widgetsRead: "widgets:read",
  widgetsUpdate: "widgets:update",
  profileRead: "profile:read",
} as const;

/** a Pulsoid OAuth scope */
export type Scope = (typeof SCOPES)[keyof typeof SCOPES] | (string & {});

/** the scopes PulseKit's widget commands need */
export const WIDGET_SCOPES: Scope[] = [SCOPES.widgetsRead, SCOPES.widgetsUpdate];

/** the scopes the apps ask for when signing in: the widget scopes, and the profile to show the user's name */
export const SIGN_IN_SCOPES: Scope[] = [...WIDGET_SCOPES, SCOPES.profileRead];

/** the required scopes a token does not have */
export function missingScopes(granted: readonly string[], required: readonly string[]): string[] {
  return required.filter((scope) => !granted.includes(scope));
}

/** what to tell someone whose token lacks a scope */
export const TOKEN_SCOPE_HINT =
  "Sign in again and allow widget access, or create a token with widgets:read and widgets:update at https://pulsoid.net/ui/keys.";

import { TOKEN_SETTINGS_URL } from "@pulsekit/core";

/** the OAuth client ID in one sentence: what it is, where to register one, which setting takes it */
export const CLIENT_ID_SENTENCE =
  "Sign In through the browser needs an OAuth client ID, the ID Pulsoid gives an app you register at https://pulsoid.net/ui/api-clients; put it in the setting pulsekit.oauthClientId.";

/** where a manual token comes from, and what it needs */
export const TOKEN_SOURCE_SENTENCE = `Create one at ${TOKEN_SETTINGS_URL} (manual tokens need Pulsoid's BRO plan) with widgets:read, widgets:update and profile:read.`;

/**
 * the device-code line in the sign-in progress notification, which closes with the sign-in; the page is a
 * link in case none opened
 */
export function signInCodeMessage(code: { userCode: string; verificationUri: string }, page: string): string {
  return `your sign-in code is ${code.userCode} (copied to the clipboard). Approve it on the page that opened, or open [${code.verificationUri}](${page}).`;
}

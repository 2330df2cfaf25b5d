import { describeError, isPulsoidError } from "@pulsekit/core";
import type { Endpoints } from "./endpoints.js";

/** where a streamer registers an OAuth client and finds its client id */
export const API_CLIENTS_URL = "https://pulsoid.net/ui/api-clients";

/** where the settings page shows the client id */
const CLIENT_ID_FIELD = "Advanced › Client ID";

/**
 * the sentence a failed sign-in shows, naming what the settings page lets the user change: core words the
 * client id rule for every app ("the client id setting"); here that is a field on the page, or PULSOID_CLIENT_ID
 */
export function describeSignInFailure(
  error: unknown,
  endpoints: Pick<Endpoints, "clientId" | "clientIdSource">,
): string {
  if (!isPulsoidError(error) || error.field !== "clientId") return describeError(error);
  const { clientId, clientIdSource } = endpoints;
  if (clientIdSource === "none" || clientId === undefined) {
    return `Sign in with Pulsoid needs a client ID: enter yours under ${CLIENT_ID_FIELD}, or paste an access token instead.`;
  }
  const where =
    clientIdSource === "environment"
      ? `the client ID "${clientId}" that PULSOID_CLIENT_ID sets on this computer. Enter your own under ${CLIENT_ID_FIELD}`
      : `the client ID "${clientId}" under ${CLIENT_ID_FIELD}. Copy the client ID of your API client`;
  return `Pulsoid does not accept ${where} from ${API_CLIENTS_URL}, or paste an access token instead.`;
}

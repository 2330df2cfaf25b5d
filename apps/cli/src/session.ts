import {
  createPulsoidClient,
  endpointsFromEnv,
  formatRequestEvent,
  type PulsoidClient,
  type PulsoidEndpoints,
  resolveEndpoints,
} from "@pulsekit/core";
import { signedOutError } from "./cli-error.js";
import type { CliContext } from "./context.js";
import { checkedUrl } from "./environment.js";
import type { Output } from "./output.js";

/** where the token in use comes from */
export type TokenSource = "environment" | "file";

/** a ready client for the signed-in user, and where its token came from */
export interface SignedIn {
  client: PulsoidClient;
  source: TokenSource;
}

/** a client for the token in use: PULSOID_TOKEN first, then the token file; throws (exit 3) when there is none */
export function signedIn(ctx: CliContext, out: Output): SignedIn {
  if (ctx.env.token) return { client: clientFor(ctx, out, ctx.env.token), source: "environment" };
  const token = ctx.tokenStore.read();
  if (!token) {
    throw signedOutError("You are not signed in: run `pulsekit login` or `pulsekit token set`, or set PULSOID_TOKEN.");
  }
  if (ctx.tokenStore.isReadableByOthers()) {
    out.warn(`${ctx.tokenStore.path} can be read by other users; run \`chmod 600 ${ctx.tokenStore.path}\`.`);
  }
  return { client: clientFor(ctx, out, token), source: "file" };
}

/** where the token in use lives, in words */
export function describeSource(ctx: CliContext, source: TokenSource): string {
  return source === "environment" ? "the PULSOID_TOKEN variable" : ctx.tokenStore.path;
}

/** the API and OAuth hosts and the OAuth client id from PULSOID_API_URL, PULSOID_OAUTH_URL and PULSOID_CLIENT_ID */
export function endpoints(ctx: CliContext): PulsoidEndpoints {
  const resolved = resolveEndpoints(endpointsFromEnv(ctx.io.env));
  return {
    ...resolved,
    apiBaseUrl: checkedUrl("PULSOID_API_URL", resolved.apiBaseUrl),
    oauthBaseUrl: checkedUrl("PULSOID_OAUTH_URL", resolved.oauthBaseUrl),
  };
}

/**
 * a Pulsoid client for this token, talking to PULSOID_API_URL; --debug traces each request. Commands that
 * use the signed-in user's token get theirs from signedIn; `token set` and `logout` name the token themselves
 */
export function clientFor(ctx: CliContext, out: Output, token: string): PulsoidClient {
  ctx.addSecret(token);
  const { apiBaseUrl } = endpoints(ctx);
  return createPulsoidClient({
    token,
    baseUrl: apiBaseUrl,
    onRequest: (event) => out.debug(formatRequestEvent(event)),
  });
}

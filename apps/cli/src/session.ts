import {
  createPulsoidClient,
  endpointsFromEnv,
  type PulsoidClient,
  type PulsoidEndpoints,
  resolveEndpoints,
} from "@pulsekit/core";
import { signedOutError } from "./cli-error.js";
import type { CliContext } from "./context.js";
import { checkedUrl } from "./environment.js";
import type { Output } from "./output.js";

/** a token and where it came from */
export interface ResolvedToken {
  token: string;
  source: "environment" | "file";
}

/** the token to use: PULSOID_TOKEN first, then the token file; throws (exit 3) when there is none */
export function resolveToken(ctx: CliContext, out: Output): ResolvedToken {
  if (ctx.env.token) return { token: ctx.env.token, source: "environment" };
  const token = ctx.tokenStore.read();
  if (!token) {
    throw signedOutError("You are not signed in: run `pulsekit login` or `pulsekit token set`, or set PULSOID_TOKEN.");
  }
  ctx.addSecret(token);
  if (ctx.tokenStore.isReadableByOthers()) {
    out.warn(`${ctx.tokenStore.path} can be read by other users; run \`chmod 600 ${ctx.tokenStore.path}\`.`);
  }
  return { token, source: "file" };
}

/** where a resolved token lives, in words */
export function describeSource(ctx: CliContext, resolved: ResolvedToken): string {
  return resolved.source === "environment" ? "the PULSOID_TOKEN variable" : ctx.tokenStore.path;
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

/** a Pulsoid client for the token, talking to PULSOID_API_URL; --debug traces each request */
export function clientFor(ctx: CliContext, out: Output, token: string): PulsoidClient {
  ctx.addSecret(token);
  const { apiBaseUrl } = endpoints(ctx);
  return createPulsoidClient({
    token,
    baseUrl: apiBaseUrl,
    onRequest: ({ method, path, status, durationMs, attempt }) =>
      out.debug(
        `${method} ${path} -> ${status ?? "no answer"} in ${Math.round(durationMs)} ms${attempt > 1 ? ` (attempt ${attempt})` : ""}`,
      ),
  });
}

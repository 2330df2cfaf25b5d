import { createPulsoidClient, type PulsoidClient } from "@pulsekit/core";
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

/** a Pulsoid client for the token, talking to PULSOID_API_URL; --debug traces each request */
export function clientFor(ctx: CliContext, out: Output, token: string): PulsoidClient {
  ctx.addSecret(token);
  const apiUrl = checkedUrl("PULSOID_API_URL", ctx.env.apiUrl);
  return createPulsoidClient({
    token,
    ...(apiUrl ? { baseUrl: apiUrl } : {}),
    onRequest: ({ method, path, status, durationMs, attempt }) =>
      out.debug(
        `${method} ${path} -> ${status ?? "no answer"} in ${Math.round(durationMs)} ms${attempt > 1 ? ` (attempt ${attempt})` : ""}`,
      ),
  });
}

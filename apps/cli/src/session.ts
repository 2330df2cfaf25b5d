import {
  createHeartRateSource,
  createPulsoidClient,
  endpointsFromEnv,
  formatRequestEvent,
  type HeartRateSource,
  isPulsoidError,
  type OpenWebSocket,
  type PulsoidClient,
  type PulsoidEndpoints,
  resolveEndpoints,
  TOKEN_SETTINGS_URL,
  widgetUrlCaveat,
} from "@pulsekit/core";
import { signedOutError } from "./cli-error.js";
import type { CliContext } from "./context.js";
import { checkedUrl } from "./environment.js";
import type { Output } from "./output.js";
import { clearVariableHint } from "./shells.js";

/** where the token in use comes from */
export type TokenSource = "environment" | "file";

/** a ready client for the signed-in user, and where its token came from */
export interface SignedIn {
  client: PulsoidClient;
  source: TokenSource;
}

/** a client for the token in use: PULSOID_TOKEN first, then the token file; throws (exit 3) when there is none */
export function signedIn(ctx: CliContext, out: Output): SignedIn {
  const { token, source } = tokenInUse(ctx, out);
  return { client: clientFor(ctx, out, token), source };
}

/**
 * the signed-in user's live heart rate over Pulsoid's real-time stream (the token in a header, checked before
 * each connect); throws (exit 3) when no token is set
 */
export function heartRateSource(ctx: CliContext, out: Output, openWebSocket: OpenWebSocket): HeartRateSource {
  const { token } = tokenInUse(ctx, out);
  return createHeartRateSource({
    token,
    baseUrl: endpoints(ctx).apiBaseUrl,
    openWebSocket,
    client: clientFor(ctx, out, token),
  });
}

/** the token in use and where it came from: PULSOID_TOKEN first, then the token file */
function tokenInUse(ctx: CliContext, out: Output): { token: string; source: TokenSource } {
  if (ctx.env.token) {
    ctx.tokenSource = "environment";
    return { token: ctx.env.token, source: "environment" };
  }
  const token = ctx.tokenStore.read();
  if (!token) {
    const login = hasClientId(ctx) ? "`pulsekit login`, or " : "";
    throw signedOutError(
      `You are not signed in: run ${login}\`pulsekit token set\` and paste a token from ${TOKEN_SETTINGS_URL}, or set PULSOID_TOKEN.`,
    );
  }
  if (ctx.tokenStore.isReadableByOthers()) {
    out.warn(`${ctx.tokenStore.path} can be read by other users; run \`chmod 600 ${ctx.tokenStore.path}\`.`);
  }
  ctx.tokenSource = "file";
  return { token, source: "file" };
}

/** true when PULSOID_CLIENT_ID is set, so `pulsekit login` can run */
export function hasClientId(ctx: CliContext): boolean {
  return Boolean(resolveEndpoints(endpointsFromEnv(ctx.io.env)).clientId);
}

/**
 * a refused token's error (or one missing a permission), saying where that token came from and the command
 * that replaces it; any other error as it is
 */
export function withTokenSource(ctx: CliContext, error: unknown): unknown {
  if (!isPulsoidError(error) || (error.kind !== "unauthorized" && error.kind !== "insufficient_scope")) return error;
  const replace = hasClientId(ctx) ? "`pulsekit login` or `pulsekit token set`" : "`pulsekit token set`";
  if (ctx.tokenSource === "environment") {
    return error.with(
      {},
      `${error.message} That token came from PULSOID_TOKEN (it wins over a saved token): clear it with ${clearVariableHint("PULSOID_TOKEN")}, then sign in with ${replace}.`,
    );
  }
  if (ctx.tokenSource === "file") {
    return error.with({}, `${error.message} That token came from ${ctx.tokenStore.path}: replace it with ${replace}.`);
  }
  return error;
}

/** the warning after a token is saved while PULSOID_TOKEN is set: that variable keeps winning over it */
export function environmentTokenWins(): string {
  return `PULSOID_TOKEN is set in this shell, so pulsekit keeps using it and not the token just saved. Clear it with ${clearVariableHint("PULSOID_TOKEN")} to use the saved one.`;
}

/**
 * the caveat for widget URLs made on PULSOID_API_URL when that is not Pulsoid (the emulator), on stderr;
 * `count` words it for one widget or a list
 */
export function warnAboutWidgetUrl(ctx: CliContext, out: Output, count = 1): void {
  const caveat = widgetUrlCaveat(endpoints(ctx).apiBaseUrl, count);
  if (caveat) out.warn(caveat);
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

import { existsSync } from "node:fs";
import { checkToken as askPulsoid, parseAccessToken, TOKEN_SCOPE_HINT, WIDGET_SCOPES } from "@pulsekit/core";
import { usageError } from "../cli-error.js";
import type { CliContext } from "../context.js";
import { describeExpiry } from "../expiry.js";
import type { Output } from "../output.js";
import { readSecret } from "../read-secret.js";
import { clientFor, describeSource, environmentTokenWins, signedIn } from "../session.js";
import { plainLine } from "../terminal-text.js";

function missingScopesWarning(missing: readonly string[]): string {
  return `This token lacks ${missing.join(", ")}, so some commands will be refused. ${TOKEN_SCOPE_HINT}`;
}

/** `token set`: reads the token from stdin or a hidden prompt, checks it with Pulsoid, then saves it */
export async function setToken(ctx: CliContext, out: Output): Promise<void> {
  const secret = await readSecret("Pulsoid access token (input is hidden): ", ctx.io.stdin, ctx.io.stderr);
  if (secret === "") {
    throw usageError("No token was given; pipe it in (`pulsekit token set < token.txt`) or type it at the prompt.");
  }
  ctx.addSecret(secret);
  const token = parseAccessToken(secret);
  const status = await askPulsoid(clientFor(ctx, out, token), WIDGET_SCOPES);
  if (status.state !== "signed_in") {
    throw status.error.with({}, `${status.message} The token was not saved.`);
  }
  ctx.tokenStore.write(token);
  const { validation, missingScopes } = status;
  out.result(
    {
      saved: true,
      path: ctx.tokenStore.path,
      client_id: validation.client_id,
      scopes: validation.scopes,
      missing_scopes: missingScopes,
      expires_in: validation.expires_in,
      ...(ctx.env.token ? { overridden_by: "PULSOID_TOKEN" } : {}),
    },
    () => "",
  );
  out.success(`Token saved to ${ctx.tokenStore.path} (readable only by you).`);
  if (missingScopes.length > 0) out.warn(missingScopesWarning(missingScopes));
  if (ctx.env.token) out.warn(environmentTokenWins());
}

/** `token check`: shows which client the token belongs to, its scopes and when it expires */
export async function checkToken(ctx: CliContext, out: Output): Promise<void> {
  const { client, source } = signedIn(ctx, out);
  const status = await askPulsoid(client, WIDGET_SCOPES);
  if (status.state !== "signed_in") throw status.error;
  const { validation, missingScopes } = status;
  out.result(
    {
      source,
      path: source === "file" ? ctx.tokenStore.path : null,
      client_id: validation.client_id,
      profile_id: validation.profile_id,
      scopes: validation.scopes,
      missing_scopes: missingScopes,
      expires_in: validation.expires_in,
      expires_at: new Date(Date.now() + validation.expires_in * 1000).toISOString(),
    },
    () =>
      [
        `Token:    from ${describeSource(ctx, source)}`,
        `Client:   ${plainLine(validation.client_id)}`,
        `Scopes:   ${validation.scopes.length > 0 ? validation.scopes.map(plainLine).join(", ") : "(none)"}`,
        `Expires:  ${describeExpiry(validation.expires_in)}`,
      ].join("\n"),
  );
  if (missingScopes.length > 0) out.warn(missingScopesWarning(missingScopes));
  else if (!out.json) out.success("Pulsoid accepts this token for creating, listing and updating widgets.");
  if (source === "environment" && existsSync(ctx.tokenStore.path)) {
    out.info(`Checked PULSOID_TOKEN; the token saved in ${ctx.tokenStore.path} is not used while it is set.`);
  }
}

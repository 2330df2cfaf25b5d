import {
  createDeviceSignIn,
  describeError,
  isPulsoidError,
  type PulsoidClient,
  SIGN_IN_SCOPES,
  signOut,
  TOKEN_SETTINGS_URL,
} from "@pulsekit/core";
import { canOpenBrowser, openBrowser } from "../browser.js";
import { CliError, interruptedError, signedOutError } from "../cli-error.js";
import type { CliContext } from "../context.js";
import { ExitCode } from "../exit-codes.js";
import type { Output } from "../output.js";
import { clientFor, endpoints, environmentTokenWins } from "../session.js";
import { plainLine } from "../terminal-text.js";

/** where Pulsoid registers the OAuth clients (apps) that may ask a user to sign in */
const CLIENT_REGISTRATION_URL = "https://pulsoid.net/ui/api-clients";

/** what to do when PULSOID_CLIENT_ID is not set: the token way in first, then what a client id is */
const NO_CLIENT_ID = [
  "Sign in with an access token instead: browser sign-in needs PULSOID_CLIENT_ID, which is not set.",
  `  1. Create a token at ${TOKEN_SETTINGS_URL} (that page needs Pulsoid's BRO plan).`,
  "  2. Run `pulsekit token set` and paste it; Pulsoid checks it at once, then it is saved.",
  `A client id is the id Pulsoid gives an app registered at ${CLIENT_REGISTRATION_URL}; put it in PULSOID_CLIENT_ID to use \`pulsekit login\`.`,
].join("\n");

/** `login`: the device flow; shows the code and link, opens a browser when there is one, waits, saves */
export async function login(ctx: CliContext, out: Output, options: { browser: boolean }): Promise<void> {
  const { clientId, oauthBaseUrl } = endpoints(ctx);
  if (!clientId) throw signedOutError(NO_CLIENT_ID);
  const signIn = createDeviceSignIn({ clientId, scopes: SIGN_IN_SCOPES, oauthBaseUrl });
  const onSignal = () => signIn.cancel();
  process.once("SIGINT", onSignal);
  try {
    const code = await signIn.start();
    out.info(
      `To sign in, open ${out.style("cyan", plainLine(code.verificationUri))} and enter the code ${out.style("bold", plainLine(code.userCode))}`,
    );
    out.info(`(or open ${plainLine(code.verificationUriComplete)} where the code is filled in)`);
    if (options.browser && canOpenBrowser(ctx.io.env, ctx.io.stderr.isTTY === true)) {
      if (await openBrowser(code.verificationUriComplete)) out.info("Opened the sign-in page in your browser.");
    }
    out.info("Waiting for you to approve… (Ctrl-C to cancel)");
    const result = await signIn.waitForToken();
    if (result.status === "cancelled") {
      throw interruptedError("Sign-in cancelled; nothing was saved. Run `pulsekit login` to try again.");
    }
    ctx.addSecret(result.accessToken);
    ctx.tokenStore.write(result.accessToken);
    const username = await usernameOf(clientFor(ctx, out, result.accessToken));
    out.result(
      { signed_in: true, path: ctx.tokenStore.path, expires_in: result.expiresIn, username: username ?? null },
      () => "",
    );
    const who = username ? ` as ${plainLine(username)}` : "";
    out.success(`Signed in${who}; token saved to ${ctx.tokenStore.path} (readable only by you).`);
    if (ctx.env.token) out.warn(environmentTokenWins());
  } catch (error) {
    // an expired code leaves the user signed out; it is not a network timeout
    if (isPulsoidError(error) && error.code === "expired_token") {
      throw new CliError(describeError(error), ExitCode.signedOut);
    }
    throw error;
  } finally {
    process.removeListener("SIGINT", onSignal);
  }
}

/** the signed-in user's name, to show whose account the token is; none when Pulsoid does not say */
async function usernameOf(client: PulsoidClient): Promise<string | undefined> {
  try {
    return (await client.getProfile({ deadlineMs: 5_000 })).username ?? undefined;
  } catch {
    // the token is saved and works for widgets either way
    return undefined;
  }
}

/**
 * `logout`: revokes the token with Pulsoid, then deletes the saved copy only while the file still holds that
 * token (core's sign-out rule): another terminal may have signed in while the revoke was on its way
 */
export async function logout(ctx: CliContext, out: Output): Promise<void> {
  const saved = ctx.tokenStore.read();
  const token = saved ?? ctx.env.token;
  if (!token) {
    out.result({ revoked: false, deleted: false }, () => "");
    out.info("You are not signed in; there was nothing to sign out of.");
    return;
  }
  const { removal, revokeError } = await signOut(clientFor(ctx, out, token), () =>
    saved ? ctx.tokenStore.removeIf(saved) : "missing",
  );
  const deleted = removal === "deleted";
  const kept =
    removal === "replaced"
      ? ` A different token was saved to ${ctx.tokenStore.path} meanwhile (signed in from elsewhere); it was kept.`
      : "";
  if (ctx.env.token) {
    out.warn("PULSOID_TOKEN is still set in this shell; unset it (`unset PULSOID_TOKEN`) to sign out completely.");
  }
  if (revokeError !== undefined) {
    const what = deleted ? `Deleted ${ctx.tokenStore.path}, but` : "";
    throw new CliError(
      `${what} Pulsoid could not revoke the token: ${describeError(revokeError)} You can revoke it at ${TOKEN_SETTINGS_URL}.${kept}`.trim(),
      ExitCode.failed,
    );
  }
  out.result(
    {
      revoked: true,
      deleted,
      path: deleted ? ctx.tokenStore.path : null,
      ...(removal === "replaced" ? { kept: ctx.tokenStore.path } : {}),
    },
    () => "",
  );
  if (deleted) out.success(`Signed out; revoked the token and deleted ${ctx.tokenStore.path}.`);
  else out.success(kept ? `Revoked the token you were signed in with.${kept}` : "Revoked the token.");
}

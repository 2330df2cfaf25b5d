import { createDeviceSignIn, type DeviceCode, SIGN_IN_SCOPES } from "@pulsekit/core";
import type { PulseKit } from "../kit";
import type { StoredSession } from "./session-store";
import { signInCodeMessage } from "./sign-in-text";
import { signInWithoutClientId } from "./sign-in-without-client";
import { checkWithProgress, signedInMessage } from "./token-check";

/**
 * Pulsoid: Sign In. Runs the device flow: opens the approval page, shows the code in a cancellable progress
 * notification that closes with the sign-in, stores the token once approved. Without an OAuth client ID it
 * leads to the access token instead
 */
export async function signIn(kit: PulseKit): Promise<StoredSession | undefined> {
  const settings = kit.settings();
  if (!settings.oauthClientId) return signInWithoutClientId(kit);
  kit.warnUnlessPulsoid("oauthBaseUrl", settings.oauthBaseUrl);
  const flow = createDeviceSignIn({
    clientId: settings.oauthClientId,
    scopes: SIGN_IN_SCOPES,
    oauthBaseUrl: settings.oauthBaseUrl,
  });
  let code: DeviceCode;
  try {
    code = await kit.ui.withProgress({ title: "Pulsoid: starting sign-in…", cancellable: false }, () => flow.start());
  } catch (error) {
    await kit.reportError(error, () => signIn(kit), { aboutStoredToken: false });
    return undefined;
  }
  kit.log.info(`sign-in started; approve code ${code.userCode} at ${code.verificationUri}`);
  await kit.ui.copyToClipboard(code.userCode).catch(() => undefined);
  const page = code.verificationUriComplete || code.verificationUri;
  // not awaited: VS Code may first ask whether to open the site, and the code must show meanwhile
  void kit.ui.openExternal(page).catch(() => false);

  let result: Awaited<ReturnType<typeof flow.waitForToken>>;
  try {
    result = await kit.ui.withProgress({ title: "Pulsoid sign-in", cancellable: true }, (progress, cancellation) => {
      cancellation.onCancellationRequested(() => flow.cancel());
      // the code lives in this notification only, so it goes away when the sign-in succeeds, fails or is cancelled
      progress.report({ message: signInCodeMessage(code, page) });
      return flow.waitForToken();
    });
  } catch (error) {
    await kit.reportError(error, () => signIn(kit), { aboutStoredToken: false });
    return undefined;
  }
  if (result.status === "cancelled") {
    await kit.ui.showMessage(
      "info",
      "Pulsoid sign-in was cancelled. Nothing changed; run Pulsoid: Sign In to try again.",
    );
    return undefined;
  }

  const { status, username } = await checkWithProgress(kit, result.accessToken, "Pulsoid: checking the new sign-in…");
  if (status.state === "refused") {
    await kit.reportError(status.error, () => signIn(kit), { aboutStoredToken: false });
    return undefined;
  }
  // unreachable right after approval: keep the token Pulsoid just issued, with the scopes asked for
  const validation = status.state === "signed_in" ? status.validation : undefined;
  const session = await kit.sessions.save(result.accessToken, validation, [...SIGN_IN_SCOPES], username);
  kit.sessionChanged();
  kit.log.info(`signed in as ${session.account.label}`);
  const missing = status.state === "signed_in" ? status.missingScopes : [];
  void kit.ui.showMessage(missing.length > 0 ? "warning" : "info", signedInMessage(session.account.label, missing));
  return session;
}

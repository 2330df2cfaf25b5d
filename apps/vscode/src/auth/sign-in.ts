import { createDeviceSignIn, type DeviceCode, WIDGET_SCOPES } from "@pulsekit/core";
import * as vscode from "vscode";
import type { PulseKit } from "../kit";
import { openSettings } from "../settings";
import type { StoredSession } from "./session-store";
import { checkWithProgress, signedInMessage } from "./token-check";

/**
 * Pulsoid: Sign In. Runs the device flow: opens the approval page, shows the code in a
 * cancellable progress notification, stores the token once approved
 */
export async function signIn(kit: PulseKit): Promise<StoredSession | undefined> {
  const settings = kit.settings();
  if (!settings.oauthClientId) {
    const choice = await kit.ui.showMessage(
      "warning",
      "Signing in needs a Pulsoid OAuth client ID, and the pulsekit.oauthClientId setting is empty. Register a client at https://pulsoid.net/ui/api-clients and put its ID in that setting, or paste an access token instead.",
      "Open Settings",
      "Set Access Token",
    );
    if (choice === "Open Settings") await openSettings();
    if (choice === "Set Access Token") await vscode.commands.executeCommand("pulsekit.setToken");
    return undefined;
  }
  kit.warnUnlessPulsoid("oauthBaseUrl", settings.oauthBaseUrl);
  const flow = createDeviceSignIn({
    clientId: settings.oauthClientId,
    scopes: WIDGET_SCOPES,
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
  // a separate message keeps the code on screen and copyable while the progress notification waits
  void kit.ui
    .showMessage(
      "info",
      `Your Pulsoid sign-in code is ${code.userCode} (copied to the clipboard). Approve it on the page that opened; if none did, open ${code.verificationUri}.`,
      "Copy Code",
      "Open Page Again",
    )
    .then(async (choice) => {
      if (choice === "Copy Code") await kit.ui.copyToClipboard(code.userCode);
      if (choice === "Open Page Again") await kit.ui.openExternal(page);
    });

  let result: Awaited<ReturnType<typeof flow.waitForToken>>;
  try {
    result = await kit.ui.withProgress({ title: "Pulsoid sign-in", cancellable: true }, (progress, cancellation) => {
      cancellation.onCancellationRequested(() => flow.cancel());
      progress.report({ message: `waiting for you to approve code ${code.userCode} in the browser…` });
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

  const status = await checkWithProgress(kit, result.accessToken, "Pulsoid: checking the new sign-in…");
  if (status.state === "refused") {
    await kit.reportError(status.error, () => signIn(kit), { aboutStoredToken: false });
    return undefined;
  }
  // unreachable right after approval: keep the token Pulsoid just issued, with the scopes asked for
  const validation = status.state === "signed_in" ? status.validation : undefined;
  const session = await kit.sessions.save(result.accessToken, validation, [...WIDGET_SCOPES]);
  kit.sessionChanged();
  kit.log.info(`signed in as ${session.account.label}`);
  const missing = status.state === "signed_in" ? status.missingScopes : [];
  void kit.ui.showMessage(missing.length > 0 ? "warning" : "info", signedInMessage(session.account.label, missing));
  return session;
}

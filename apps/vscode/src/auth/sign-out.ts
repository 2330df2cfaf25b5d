import { signOut as coreSignOut, TOKEN_SETTINGS_URL } from "@pulsekit/core";
import type { PulseKit } from "../kit";

const REVOKE_BY_HAND = `revoke it at ${TOKEN_SETTINGS_URL} if it may have leaked`;

/**
 * Pulsoid: Sign Out, by core's rule: revokes the token at Pulsoid (best effort), then deletes it if it is still
 * the stored one: another window or Set Access Token may have stored a newer token meanwhile, which is kept.
 * The only way a token is deleted
 */
export async function signOut(kit: PulseKit): Promise<void> {
  const session = await kit.currentSession();
  if (!session) {
    await kit.ui.showMessage("info", "You are not signed in to Pulsoid, so there is nothing to sign out of.");
    return;
  }
  const { removal: removed, revokeError } = await kit.ui.withProgress(
    { title: "Pulsoid: signing out…", cancellable: false },
    () => coreSignOut(kit.client(session.accessToken), () => kit.sessions.clearIf(session.accessToken)),
  );
  const revoked = revokeError === undefined;
  if (!removed) {
    const newer = await kit.currentSession();
    kit.log.info(`signed out of the old token (${revoked ? "revoked" : "revoking failed"}); a newer one was kept`);
    const old = revoked
      ? "The token you signed out of was revoked."
      : `Pulsoid could not be reached to revoke the token you signed out of; ${REVOKE_BY_HAND}.`;
    await kit.ui.showMessage(
      "info",
      `${old} A different token was stored meanwhile (Sign In or Set Access Token, maybe in another window), so it was kept and you are still signed in${newer ? ` as ${newer.account.label}` : ""}. Run Pulsoid: Sign Out again to remove it too.`,
    );
    return;
  }
  kit.sessionChanged();
  kit.log.info(revoked ? "signed out; the token was revoked" : "signed out; revoking the token failed");
  await kit.ui.showMessage(
    "info",
    revoked
      ? "Signed out of Pulsoid. The token was revoked and removed from VS Code."
      : `Signed out of Pulsoid and removed the token from VS Code. Pulsoid could not be reached to revoke it; ${REVOKE_BY_HAND}.`,
  );
}

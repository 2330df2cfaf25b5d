import type { PulseKit } from "../kit";

const REVOKE_BY_HAND = "revoke it at https://pulsoid.net/ui/keys if it may have leaked";

/**
 * Pulsoid: Sign Out. Revokes the token at Pulsoid (best effort), then deletes it if it is still the stored
 * one: another window or Set Access Token may have stored a newer token meanwhile, which is kept. The only
 * way a token is deleted
 */
export async function signOut(kit: PulseKit): Promise<void> {
  const session = await kit.sessions.read();
  if (!session) {
    await kit.ui.showMessage("info", "You are not signed in to Pulsoid, so there is nothing to sign out of.");
    return;
  }
  let revoked = true;
  try {
    await kit.client(session.accessToken, { timeoutMs: 5000, retry: false }).revokeToken();
  } catch {
    revoked = false;
  }
  if (!(await kit.sessions.clearIf(session.accessToken))) {
    const newer = await kit.sessions.read();
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

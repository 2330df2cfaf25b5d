import type { PulseKit } from "../kit";

/** Pulsoid: Sign Out. Revokes the token at Pulsoid (best effort) and deletes it: the only way a token is deleted */
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
  await kit.sessions.clear();
  kit.sessionChanged();
  kit.log.info(revoked ? "signed out; the token was revoked" : "signed out; revoking the token failed");
  await kit.ui.showMessage(
    "info",
    revoked
      ? "Signed out of Pulsoid. The token was revoked and removed from VS Code."
      : "Signed out of Pulsoid and removed the token from VS Code. Pulsoid could not be reached to revoke it; revoke it at https://pulsoid.net/ui/keys if it may have leaked.",
  );
}

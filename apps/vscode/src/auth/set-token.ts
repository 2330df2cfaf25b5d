import { describeError, parseAccessToken, WIDGET_SCOPES } from "@pulsekit/core";
import type { PulseKit } from "../kit";
import { MultiStepInput } from "../ui/multi-step-input";
import type { StoredSession } from "./session-store";
import { TOKEN_SOURCE_SENTENCE } from "./sign-in-text";
import { checkWithProgress, signedInMessage } from "./token-check";

/**
 * Pulsoid: Set Access Token. Asks for a token in a password box, checks it with Pulsoid, then stores it;
 * resolves to the stored session, undefined when none was stored
 */
export async function setAccessToken(kit: PulseKit): Promise<StoredSession | undefined> {
  let token = "";
  const finished = await MultiStepInput.run(
    kit.ui,
    async (input) => {
      token = (
        await input.text({
          title: "Pulsoid: Set Access Token",
          step: 1,
          totalSteps: 1,
          prompt: `Paste a Pulsoid access token. ${TOKEN_SOURCE_SENTENCE} It is checked with Pulsoid at once, then kept in VS Code's secret storage.`,
          placeholder: "access token",
          password: true,
          validate: (value) => {
            if (!value.trim()) return "Paste the token, or press Escape to cancel.";
            try {
              parseAccessToken(value);
              return undefined;
            } catch (error) {
              return describeError(error);
            }
          },
        })
      ).trim();
      return undefined;
    },
    {},
  );
  if (!finished) return undefined;
  return saveCheckedToken(kit, token);
}

async function saveCheckedToken(kit: PulseKit, token: string): Promise<StoredSession | undefined> {
  const { status, username } = await checkWithProgress(kit, token, "Pulsoid: checking the access token…");
  if (status.state === "refused") {
    const choice = await kit.ui.showMessage(
      "error",
      `Pulsoid refused this token, so it was not saved (${status.message}). Check that you copied all of it, or create a new one at https://pulsoid.net/ui/keys.`,
      "Set Access Token",
    );
    return choice === "Set Access Token" ? setAccessToken(kit) : undefined;
  }
  if (status.state !== "signed_in") {
    // not saved: the token is checked before it is kept; Retry checks the same token again
    let retried: StoredSession | undefined;
    await kit.reportError(
      status.error,
      async () => {
        retried = await saveCheckedToken(kit, token);
      },
      { aboutStoredToken: false },
    );
    return retried;
  }
  const session = await kit.sessions.save(token, status.validation, [...WIDGET_SCOPES], username);
  kit.sessionChanged();
  kit.log.info(`access token set for ${session.account.label}`);
  // not awaited: the session is ready now, whether or not the message is dismissed
  void kit.ui.showMessage(
    status.missingScopes.length > 0 ? "warning" : "info",
    signedInMessage(session.account.label, status.missingScopes),
  );
  return session;
}

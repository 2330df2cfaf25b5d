import { describeError, parseAccessToken, WIDGET_SCOPES } from "@pulsekit/core";
import type { PulseKit } from "../kit";
import { MultiStepInput } from "../ui/multi-step-input";
import { checkWithProgress, signedInMessage } from "./token-check";

/** Pulsoid: Set Access Token. Asks for a token in a password box, checks it with Pulsoid, then stores it */
export async function setAccessToken(kit: PulseKit): Promise<void> {
  let token = "";
  const finished = await MultiStepInput.run(
    kit.ui,
    async (input) => {
      token = (
        await input.text({
          title: "Pulsoid: Set Access Token",
          step: 1,
          totalSteps: 1,
          prompt:
            "Paste a Pulsoid access token (create one at https://pulsoid.net/ui/keys). It is checked with Pulsoid, then kept in VS Code's secret storage.",
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
  if (!finished) return;
  await saveCheckedToken(kit, token);
}

async function saveCheckedToken(kit: PulseKit, token: string): Promise<void> {
  const status = await checkWithProgress(kit, token, "Pulsoid: checking the access token…");
  if (status.state === "refused") {
    const choice = await kit.ui.showMessage(
      "error",
      `Pulsoid refused this token, so it was not saved (${status.message}). Check that you copied all of it, or create a new one at https://pulsoid.net/ui/keys.`,
      "Set Access Token",
    );
    if (choice === "Set Access Token") await setAccessToken(kit);
    return;
  }
  if (status.state !== "signed_in") {
    // not saved: the token is checked before it is kept; Retry checks the same token again
    await kit.reportError(status.error, () => saveCheckedToken(kit, token), { aboutStoredToken: false });
    return;
  }
  const session = await kit.sessions.save(token, status.validation, [...WIDGET_SCOPES]);
  kit.sessionChanged();
  kit.log.info(`access token set for ${session.account.label}`);
  await kit.ui.showMessage(
    status.missingScopes.length > 0 ? "warning" : "info",
    signedInMessage(session.account.label, status.missingScopes),
  );
}

import { TOKEN_SETTINGS_URL } from "@pulsekit/core";
import type { PulseKit } from "../kit";
import { openSettings } from "../settings";
import { MultiStepInput, type PickItem } from "../ui/multi-step-input";
import type { StoredSession } from "./session-store";
import { setAccessToken } from "./set-token";
import { CLIENT_ID_SENTENCE, TOKEN_SOURCE_SENTENCE } from "./sign-in-text";

type Way = "paste" | "create" | "clientId";

/**
 * Sign In where pulsekit.oauthClientId is empty: the access token first (paste one, or create one and then
 * paste it), and the client ID explained in one sentence for those who want the browser sign-in
 */
export async function signInWithoutClientId(kit: PulseKit): Promise<StoredSession | undefined> {
  const items: PickItem<Way>[] = [
    {
      label: "$(key) Paste an access token",
      description: "checked with Pulsoid at once",
      detail: TOKEN_SOURCE_SENTENCE,
      value: "paste",
    },
    {
      label: `$(link-external) Create a token at ${TOKEN_SETTINGS_URL.replace("https://", "")}`,
      description: "opens the page, then asks for the token",
      detail: "Needs Pulsoid's BRO plan. Tick widgets:read, widgets:update and profile:read.",
      value: "create",
    },
    {
      label: "$(gear) Set up Sign In through the browser",
      description: "opens the pulsekit.oauthClientId setting",
      detail: CLIENT_ID_SENTENCE,
      value: "clientId",
    },
  ];
  let way: Way | undefined;
  const finished = await MultiStepInput.run(
    kit.ui,
    async (input) => {
      way = (
        await input.pick({
          title: "Pulsoid: Sign In",
          step: 1,
          totalSteps: 1,
          placeholder: "Sign in with an access token: no OAuth client ID is set for Sign In through the browser",
          items,
        })
      ).value;
      return undefined;
    },
    {},
  );
  if (!finished) return undefined;
  if (way === "clientId") {
    void kit.ui.showMessage("info", `${CLIENT_ID_SENTENCE} Then run Pulsoid: Sign In again.`);
    await openSettings("pulsekit.oauthClientId");
    return undefined;
  }
  if (way === "create") await kit.ui.openExternal(TOKEN_SETTINGS_URL);
  return setAccessToken(kit);
}

import type { PulseKit } from "../kit";
import { MultiStepInput } from "../ui/multi-step-input";

const WHERE_OBS_SHOWS_IT = "OBS shows it under Tools > WebSocket Server Settings > Show Connect Info.";

/**
 * asks for OBS's WebSocket server password in a password box: because OBS asked for one (`needed`) or refused
 * the one PulseKit has (`refused`). Undefined when the box was closed. The caller saves it once OBS took it
 */
export async function askObsPassword(
  kit: PulseKit,
  address: string,
  reason: "needed" | "refused",
): Promise<string | undefined> {
  let password = "";
  const finished = await MultiStepInput.run(
    kit.ui,
    async (input) => {
      password = (
        await input.text({
          title: "Pulsoid: OBS Password",
          step: 1,
          totalSteps: 1,
          prompt: `${reason === "needed" ? `OBS at ${address} asks for a password.` : `OBS at ${address} refused the password PulseKit has.`} Paste the server password: ${WHERE_OBS_SHOWS_IT} PulseKit keeps it in VS Code's secret storage.`,
          placeholder: "OBS WebSocket server password",
          password: true,
          validate: (value) => (value.trim() ? undefined : "Paste the password, or press Escape to cancel."),
        })
      ).trim();
      return undefined;
    },
    {},
  );
  if (!finished) return undefined;
  // from here on the log hides it, whatever happens next
  kit.log.forget(password);
  return password;
}

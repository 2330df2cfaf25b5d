import { parseStoredSession } from "./auth/session-schema";
import type { StoredSession } from "./auth/session-store";
import { setAccessToken } from "./auth/set-token";
import { signIn } from "./auth/sign-in";
import { signOut } from "./auth/sign-out";
import type { CommandId } from "./command-ids";
import { type KitParts, PulseKit } from "./kit";
import { createWidget } from "./widgets/create-widget";
import { copyWidgetUrlCommand, showWidgets } from "./widgets/show-widgets";
import { updateWidget } from "./widgets/update-widget";

/** every command of the extension: id (as in package.json) and what it runs */
export const COMMANDS: Record<CommandId, (kit: PulseKit) => Promise<unknown>> = {
  "pulsekit.signIn": signIn,
  "pulsekit.signOut": signOut,
  "pulsekit.setToken": setAccessToken,
  "pulsekit.createWidget": createWidget,
  "pulsekit.listWidgets": showWidgets,
  "pulsekit.updateWidget": (kit) => updateWidget(kit),
  "pulsekit.copyWidgetUrl": copyWidgetUrlCommand,
};

/** the code behind the commands and the Accounts menu, loaded (as dist/commands.cjs) when the first one runs */
export interface Commands {
  /** runs a command; an unexpected failure is shown as an error instead of vanishing */
  run(id: CommandId): Promise<unknown>;
  /** the device sign-in, for the authentication provider */
  signIn(): Promise<StoredSession | undefined>;
  /** revokes and deletes the token, for the authentication provider */
  signOut(): Promise<void>;
  /** reads the session SecretStorage holds, checked with zod, for the session store */
  parseSession(raw: string): StoredSession | undefined;
}

/** the kit over what activate made, and the commands that work with it */
export function createCommands(parts: KitParts): Commands {
  const kit = new PulseKit(parts);
  return {
    async run(id) {
      try {
        return await COMMANDS[id](kit);
      } catch (error) {
        await kit.reportError(error);
        return undefined;
      }
    },
    signIn: () => signIn(kit),
    signOut: () => signOut(kit),
    parseSession: parseStoredSession,
  };
}

import * as vscode from "vscode";
import { setAccessToken } from "./auth/set-token";
import { signIn } from "./auth/sign-in";
import { signOut } from "./auth/sign-out";
import type { PulseKit } from "./kit";
import { createWidget } from "./widgets/create-widget";
import { copyWidgetUrlCommand, showWidgets } from "./widgets/show-widgets";
import { updateWidget } from "./widgets/update-widget";

/** every command of the extension: id (as in package.json) and what it runs */
export const COMMANDS: Record<string, (kit: PulseKit) => Promise<unknown>> = {
  "pulsekit.signIn": signIn,
  "pulsekit.signOut": signOut,
  "pulsekit.setToken": setAccessToken,
  "pulsekit.createWidget": createWidget,
  "pulsekit.listWidgets": showWidgets,
  "pulsekit.updateWidget": (kit) => updateWidget(kit),
  "pulsekit.copyWidgetUrl": copyWidgetUrlCommand,
};

/** registers the table; an unexpected failure is shown as an error instead of vanishing */
export function registerCommands(kit: PulseKit): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, run]) =>
    vscode.commands.registerCommand(id, async () => {
      try {
        return await run(kit);
      } catch (error) {
        await kit.reportError(error);
        return undefined;
      }
    }),
  );
}

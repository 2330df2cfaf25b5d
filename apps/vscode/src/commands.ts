import * as vscode from "vscode";
import { parseStoredSession } from "./auth/session-schema";
import type { StoredSession } from "./auth/session-store";
import { setAccessToken } from "./auth/set-token";
import { signIn } from "./auth/sign-in";
import { signOut } from "./auth/sign-out";
import { type CommandId, WALKTHROUGH_ID } from "./command-ids";
import { HeartRateStatusBar } from "./heart-rate/heart-rate-status-bar";
import { heartRateShown, showHeartRate } from "./heart-rate/setting";
import { type KitParts, PulseKit } from "./kit";
import { addToObsCommand, forgetObsPassword } from "./obs/add-to-obs";
import { type WidgetNode, widgetOf } from "./view/widget-node";
import { WidgetTree } from "./view/widget-tree";
import { createWidget } from "./widgets/create-widget";
import { copyWidgetUrlCommand, showWidgets } from "./widgets/show-widgets";
import { updateWidget } from "./widgets/update-widget";
import { copyWidgetUrl, openWidget } from "./widgets/widget-actions";

/** a command's code; `args` are what VS Code passed (a view row for the row commands) */
type CommandRun = (kit: PulseKit, args: unknown[], heartRate: HeartRateStatusBar) => Promise<unknown>;

/** every command of the extension: id (as in package.json) and what it runs */
export const COMMANDS: Record<CommandId, CommandRun> = {
  "pulsekit.signIn": signIn,
  "pulsekit.signOut": signOut,
  "pulsekit.setToken": setAccessToken,
  "pulsekit.createWidget": createWidget,
  "pulsekit.listWidgets": showWidgets,
  "pulsekit.updateWidget": (kit) => updateWidget(kit),
  "pulsekit.copyWidgetUrl": copyWidgetUrlCommand,
  "pulsekit.refreshWidgets": async (kit) => kit.widgetsChanged(),
  "pulsekit.getStarted": async () => vscode.commands.executeCommand("workbench.action.openWalkthrough", WALKTHROUGH_ID),
  "pulsekit.toggleHeartRate": async () => showHeartRate(!heartRateShown()),
  "pulsekit.showHeartRate": async (_kit, _args, heartRate) => heartRate.showSummary(),
  // on a view row that row's widget; from the palette a widget picked from the list
  "pulsekit.addToObs": (kit, [row]) => addToObsCommand(kit, widgetOf(row)),
  "pulsekit.addToObsScene": (kit, [row]) => addToObsCommand(kit, widgetOf(row), { chooseScene: true }),
  "pulsekit.forgetObsPassword": forgetObsPassword,
  // a row command run without a row (a key binding) works on the selected one, else asks which widget
  "pulsekit.widget.copyObsUrl": async (kit, [row]) => {
    const widget = widgetOf(row, kit.selectedRow());
    return widget ? copyWidgetUrl(kit, widget) : copyWidgetUrlCommand(kit);
  },
  "pulsekit.widget.open": async (kit, [row]) => {
    const widget = widgetOf(row, kit.selectedRow());
    return widget ? openWidget(kit, widget) : showWidgets(kit);
  },
  "pulsekit.widget.update": (kit, [row]) => updateWidget(kit, widgetOf(row, kit.selectedRow())),
};

/** the code behind the commands and the Accounts menu, loaded (as dist/commands.cjs) when the first one runs */
export interface Commands {
  /** runs a command; an unexpected failure is shown as an error instead of vanishing */
  run(id: CommandId, args: unknown[]): Promise<unknown>;
  /** the device sign-in, for the authentication provider */
  signIn(): Promise<StoredSession | undefined>;
  /** revokes and deletes the token, for the authentication provider */
  signOut(): Promise<void>;
  /** reads the session SecretStorage holds, checked with zod, for the session store */
  parseSession(raw: string): StoredSession | undefined;
  /** what fills the Pulsoid view */
  widgetTree: vscode.TreeDataProvider<WidgetNode>;
  /** the live heart rate in the status bar, shown while pulsekit.heartRate.statusBar is on */
  heartRate: HeartRateStatusBar;
}

/** the kit over what activate made, and the commands that work with it */
export function createCommands(parts: KitParts): Commands {
  const kit = new PulseKit(parts);
  // shows itself when the setting is on; closes its connection when the window closes
  const heartRate = new HeartRateStatusBar(kit);
  parts.subscriptions.push(heartRate);
  return {
    async run(id, args) {
      try {
        return await COMMANDS[id](kit, args, heartRate);
      } catch (error) {
        await kit.reportError(error);
        return undefined;
      }
    },
    signIn: () => signIn(kit),
    signOut: () => signOut(kit),
    parseSession: parseStoredSession,
    widgetTree: new WidgetTree(kit),
    heartRate,
  };
}

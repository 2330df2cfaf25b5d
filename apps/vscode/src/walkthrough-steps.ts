import * as vscode from "vscode";
import { WALKTHROUGH_ID } from "./command-ids";

/** a step of the Get Started walkthrough, as package.json names it */
export type WalkthroughStep = "signIn" | "createWidget" | "addToObs";

/**
 * ticks a Get Started step. Its completion event ticks it too, but VS Code hears those only once its
 * walkthrough service is running (it starts with the Welcome page), so a step done before then would stay
 * unticked. Best effort: nothing breaks where the command is missing
 */
export function tickWalkthroughStep(step: WalkthroughStep): void {
  void Promise.resolve(vscode.commands.executeCommand("welcome.markStepComplete", `${WALKTHROUGH_ID}#${step}`)).catch(
    () => undefined,
  );
}

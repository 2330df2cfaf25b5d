import * as vscode from "vscode";
import { tickWalkthroughStep, type WalkthroughStep } from "./walkthrough-steps";

/** the context keys menus, the palette, the welcome view and the walkthrough read in their `when` clauses */
export type ContextKey = "pulsekit.signedIn" | "pulsekit.hasWidgets" | "pulsekit.obsPasswordStored";

/** the walkthrough step a key being true completes */
const STEP_DONE_BY: Partial<Record<ContextKey, WalkthroughStep>> = {
  "pulsekit.signedIn": "signIn",
  "pulsekit.hasWidgets": "createWidget",
};

/** sets PulseKit's context keys, remembering the last value of each (the in-host tests read them back) */
export class ContextKeys {
  private readonly values = new Map<ContextKey, boolean>();

  /** sets a key unless it already has this value */
  set(key: ContextKey, value: boolean): void {
    if (this.values.get(key) === value) return;
    this.values.set(key, value);
    void vscode.commands.executeCommand("setContext", key, value);
    const step = STEP_DONE_BY[key];
    if (value && step) tickWalkthroughStep(step);
  }

  /** every key set so far, with its value */
  snapshot(): Partial<Record<ContextKey, boolean>> {
    return Object.fromEntries(this.values);
  }
}

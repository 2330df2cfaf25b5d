import * as vscode from "vscode";

/** the setting that puts the live heart rate in the status bar (off by default) */
export const HEART_RATE_SETTING = "pulsekit.heartRate.statusBar";

/** whether the live heart rate is to be shown in the status bar */
export function heartRateShown(): boolean {
  return vscode.workspace.getConfiguration("pulsekit").get<boolean>("heartRate.statusBar", false) === true;
}

/** shows or hides it, in the user settings (the setting is read from there only) */
export function showHeartRate(shown: boolean): Thenable<void> {
  return vscode.workspace
    .getConfiguration("pulsekit")
    .update("heartRate.statusBar", shown, vscode.ConfigurationTarget.Global);
}

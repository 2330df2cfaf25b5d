/** every command of the extension, as in package.json; activate registers these before any command code loads */
export const COMMAND_IDS = [
  "pulsekit.signIn",
  "pulsekit.signOut",
  "pulsekit.setToken",
  "pulsekit.createWidget",
  "pulsekit.listWidgets",
  "pulsekit.updateWidget",
  "pulsekit.copyWidgetUrl",
  "pulsekit.refreshWidgets",
  "pulsekit.getStarted",
  "pulsekit.toggleHeartRate",
  "pulsekit.showHeartRate",
  "pulsekit.addToObs",
  "pulsekit.addToObsScene",
  "pulsekit.forgetObsPassword",
  // run on a row of the Pulsoid view, hidden from the palette
  "pulsekit.widget.copyObsUrl",
  "pulsekit.widget.open",
  "pulsekit.widget.update",
] as const;

/** the id of one of the extension's commands */
export type CommandId = (typeof COMMAND_IDS)[number];

/** the Get Started walkthrough, as `workbench.action.openWalkthrough` names it */
export const WALKTHROUGH_ID = "pulsekit.pulsekit-vscode#pulsekit.getStarted";

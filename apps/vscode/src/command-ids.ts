/** every command of the extension, as in package.json; activate registers these before any command code loads */
export const COMMAND_IDS = [
  "pulsekit.signIn",
  "pulsekit.signOut",
  "pulsekit.setToken",
  "pulsekit.createWidget",
  "pulsekit.listWidgets",
  "pulsekit.updateWidget",
  "pulsekit.copyWidgetUrl",
] as const;

/** the id of one of the extension's commands */
export type CommandId = (typeof COMMAND_IDS)[number];

/** the parts of `WorkspaceConfiguration.inspect` this module reads */
export interface InspectedSetting<T> {
  defaultValue?: T;
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

/**
 * the user's value (user or remote machine settings), else the default: a workspace or folder value is
 * ignored even where VS Code would apply it, so an opened repository cannot say where the token goes
 */
export function userScopedValue<T>(inspected: InspectedSetting<T> | undefined): T | undefined {
  return inspected?.globalValue ?? inspected?.defaultValue;
}

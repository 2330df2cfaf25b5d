import * as vscode from "vscode";

/** called by VS Code the first time one of the Pulsoid commands runs */
export function activate(context: vscode.ExtensionContext): void {
  for (const id of ["signIn", "signOut", "setToken", "createWidget", "listWidgets", "updateWidget", "copyWidgetUrl"]) {
    context.subscriptions.push(vscode.commands.registerCommand(`pulsekit.${id}`, () => undefined));
  }
}

/** nothing to release beyond the subscriptions */
export function deactivate(): void {}

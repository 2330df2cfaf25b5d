import * as vscode from "vscode";

/** how a message looks */
export type Severity = "info" | "warning" | "error";

/**
 * everything the commands show or ask, in one place: the real VS Code UI in use, and the seam the
 * in-host tests use to watch inputs and answer notifications
 */
export interface Ui {
  createQuickPick<T extends vscode.QuickPickItem>(): vscode.QuickPick<T>;
  createInputBox(): vscode.InputBox;
  showMessage(severity: Severity, message: string, ...actions: string[]): Promise<string | undefined>;
  withProgress<R>(
    options: { title: string; cancellable: boolean },
    task: (progress: vscode.Progress<{ message?: string }>, token: vscode.CancellationToken) => Promise<R>,
  ): Promise<R>;
  openExternal(url: string): Promise<boolean>;
  copyToClipboard(text: string): Promise<void>;
}

/** the real UI of the running VS Code */
export function createVscodeUi(): Ui {
  return {
    createQuickPick: () => vscode.window.createQuickPick(),
    createInputBox: () => vscode.window.createInputBox(),
    showMessage: async (severity, message, ...actions) => {
      const show =
        severity === "error"
          ? vscode.window.showErrorMessage
          : severity === "warning"
            ? vscode.window.showWarningMessage
            : vscode.window.showInformationMessage;
      return show(message, ...actions);
    },
    withProgress: (options, task) =>
      Promise.resolve(
        vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: options.title, cancellable: options.cancellable },
          task,
        ),
      ),
    openExternal: async (url) => vscode.env.openExternal(vscode.Uri.parse(url)),
    copyToClipboard: async (text) => vscode.env.clipboard.writeText(text),
  };
}

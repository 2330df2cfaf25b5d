import { describeError, parseConfigurationJson } from "@pulsekit/core";
import * as vscode from "vscode";
import type { PulseKit } from "../kit";
import { configurationFileName } from "./configuration-summary";

/**
 * opens a widget configuration as JSON in an editor (validated by the contributed JSON schema as you
 * type); resolves to the configuration once the user saves a valid file, or undefined when they close it
 */
export async function editConfigurationAsJson(
  kit: PulseKit,
  options: { widgetName: string; configuration: Record<string, unknown>; metaId?: string },
): Promise<Record<string, unknown> | undefined> {
  const folder = vscode.Uri.joinPath(kit.storageUri, "configurations");
  await vscode.workspace.fs.createDirectory(folder);
  const uri = vscode.Uri.joinPath(folder, configurationFileName(options.widgetName));
  await vscode.workspace.fs.writeFile(uri, Buffer.from(`${JSON.stringify(options.configuration, null, 2)}\n`));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  void kit.ui.showMessage(
    "info",
    `Edit the configuration of "${options.widgetName}" and save the file (Ctrl+S) to use it. Close the editor to cancel.`,
  );

  const sameFile = (other: vscode.Uri) => other.toString() === uri.toString();
  const result = await new Promise<Record<string, unknown> | undefined>((resolve) => {
    const subscriptions: vscode.Disposable[] = [];
    const done = (value: Record<string, unknown> | undefined) => {
      for (const subscription of subscriptions) subscription.dispose();
      resolve(value);
    };
    subscriptions.push(
      vscode.workspace.onDidSaveTextDocument((saved) => {
        if (!sameFile(saved.uri)) return;
        try {
          done(parseConfigurationJson(saved.getText(), options.metaId));
        } catch (error) {
          // nothing is sent: the user fixes the file and saves again
          void kit.ui.showMessage(
            "error",
            `${describeError(error)} Nothing was sent to Pulsoid; fix the file and save again, or close it to cancel.`,
          );
        }
      }),
      vscode.window.tabGroups.onDidChangeTabs((event) => {
        const closed = event.closed.some((tab) => tab.input instanceof vscode.TabInputText && sameFile(tab.input.uri));
        if (closed) done(undefined);
      }),
    );
  });
  await closeTabsOf(uri);
  return result;
}

async function closeTabsOf(uri: vscode.Uri): Promise<void> {
  const tabs = vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString());
  if (tabs.length > 0) await vscode.window.tabGroups.close(tabs, true);
}

import { DEFAULT_API_URL, DEFAULT_OAUTH_URL, type WidgetPreset } from "@pulsekit/core";
import * as vscode from "vscode";
import { parseUserPresets } from "./widgets/user-presets";

/** the pulsekit.* settings as the commands use them */
export interface ExtensionSettings {
  apiBaseUrl: string;
  oauthBaseUrl: string;
  oauthClientId: string;
  presets: WidgetPreset[];
  presetProblems: string[];
}

/** reads the pulsekit.* settings now (they can change at any time) */
export function readSettings(): ExtensionSettings {
  const config = vscode.workspace.getConfiguration("pulsekit");
  const { presets, problems } = parseUserPresets(config.get("presets"));
  return {
    apiBaseUrl: config.get<string>("apiBaseUrl")?.trim() || DEFAULT_API_URL,
    oauthBaseUrl: config.get<string>("oauthBaseUrl")?.trim() || DEFAULT_OAUTH_URL,
    oauthClientId: config.get<string>("oauthClientId")?.trim() ?? "",
    presets,
    presetProblems: problems,
  };
}

/** opens the Settings editor on the Pulsoid settings */
export function openSettings(): Thenable<unknown> {
  return vscode.commands.executeCommand("workbench.action.openSettings", "pulsekit");
}

import { resolveEndpoints, type WidgetPreset } from "@pulsekit/core";
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
  const endpoints = resolveEndpoints({
    apiBaseUrl: config.get("apiBaseUrl"),
    oauthBaseUrl: config.get("oauthBaseUrl"),
    clientId: config.get("oauthClientId"),
  });
  return {
    apiBaseUrl: endpoints.apiBaseUrl,
    oauthBaseUrl: endpoints.oauthBaseUrl,
    oauthClientId: endpoints.clientId ?? "",
    presets,
    presetProblems: problems,
  };
}

/** opens the Settings editor on the Pulsoid settings */
export function openSettings(): Thenable<unknown> {
  return vscode.commands.executeCommand("workbench.action.openSettings", "pulsekit");
}

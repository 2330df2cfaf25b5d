import { parseUserPresets, resolveEndpoints, type WidgetPreset } from "@pulsekit/core";
import { DEFAULT_OBS_URL } from "@pulsekit/obs";
import * as vscode from "vscode";
import { userScopedValue } from "./user-scoped-value";

/** the pulsekit.* settings as the commands use them */
export interface ExtensionSettings {
  apiBaseUrl: string;
  oauthBaseUrl: string;
  oauthClientId: string;
  presets: WidgetPreset[];
  presetProblems: string[];
  /** OBS's WebSocket address (pulsekit.obs.url) */
  obsUrl: string;
}

/** reads the pulsekit.* settings now (they can change at any time) */
export function readSettings(): ExtensionSettings {
  const config = vscode.workspace.getConfiguration("pulsekit");
  const { presets, problems } = parseUserPresets(config.get("presets"), "pulsekit.presets");
  // where the token goes comes from user settings only, whatever scope this VS Code honours
  const endpoints = resolveEndpoints({
    apiBaseUrl: userScopedValue(config.inspect("apiBaseUrl")),
    oauthBaseUrl: userScopedValue(config.inspect("oauthBaseUrl")),
    clientId: userScopedValue(config.inspect("oauthClientId")),
  });
  return {
    apiBaseUrl: endpoints.apiBaseUrl,
    oauthBaseUrl: endpoints.oauthBaseUrl,
    oauthClientId: endpoints.clientId ?? "",
    presets,
    presetProblems: problems,
    // machine scope: a workspace cannot point Add to OBS (and the OBS password) at another address
    obsUrl: userScopedValue<string>(config.inspect("obs.url"))?.trim() || DEFAULT_OBS_URL,
  };
}

/** opens the Settings editor on the Pulsoid settings, or on one of them */
export function openSettings(query = "pulsekit"): Thenable<unknown> {
  return vscode.commands.executeCommand("workbench.action.openSettings", query);
}

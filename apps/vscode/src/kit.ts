import { createPulsoidClient, describeError, type PulsoidClient } from "@pulsekit/core";
import * as vscode from "vscode";
import type { SessionStore, StoredSession } from "./auth/session-store";
import { type ErrorAction, errorActions, isTokenRefused } from "./errors/error-actions";
import { HostNotices, type HostSetting } from "./host-notice";
import type { RequestLogger } from "./request-logger";
import { type ExtensionSettings, openSettings, readSettings } from "./settings";
import type { Ui } from "./ui/ui";
import type { DraftStore } from "./widgets/draft-store";

/**
 * what activate makes before any command code loads: the log, the stores, the session-changed event (the
 * authentication provider listens to it) and the UI in use, which the in-host tests swap
 */
export interface KitParts {
  ui: Ui;
  readonly log: RequestLogger;
  readonly sessions: SessionStore;
  readonly drafts: DraftStore;
  readonly storageUri: vscode.Uri;
  readonly sessionChanges: vscode.EventEmitter<void>;
}

/** what every command works with: the UI, the session, the settings, the log and a Pulsoid client */
export class PulseKit {
  readonly log: RequestLogger;
  readonly sessions: SessionStore;
  readonly drafts: DraftStore;
  readonly storageUri: vscode.Uri;
  private readonly hostNotices: HostNotices;

  constructor(private readonly parts: KitParts) {
    this.log = parts.log;
    this.sessions = parts.sessions;
    this.drafts = parts.drafts;
    this.storageUri = parts.storageUri;
    this.hostNotices = new HostNotices(openSettings, (message) => parts.log.info(message));
  }

  /** the UI the commands show and ask through */
  get ui(): Ui {
    return this.parts.ui;
  }

  /** the pulsekit.* settings as they are now */
  settings(): ExtensionSettings {
    return readSettings();
  }

  /** a Pulsoid client for this token, logging each request to the Pulsoid channel */
  client(token: string, options: { timeoutMs?: number; retry?: false } = {}): PulsoidClient {
    this.log.forget(token);
    const { apiBaseUrl } = this.settings();
    this.warnUnlessPulsoid("apiBaseUrl", apiBaseUrl);
    return createPulsoidClient({
      token,
      baseUrl: apiBaseUrl,
      onRequest: this.log.onRequest,
      ...options,
    });
  }

  /** warns (once per window and address) that the token goes to a host other than Pulsoid's */
  warnUnlessPulsoid(setting: HostSetting, url: string): void {
    this.hostNotices.check(this.ui, setting, url);
  }

  /** tells listeners (the authentication provider) that the session changed */
  sessionChanged(): void {
    this.parts.sessionChanges.fire();
  }

  /**
   * the stored session; when there is none, asks the user to sign in (or set a token) and
   * returns the new session, or undefined when they did not
   */
  async requireSession(): Promise<StoredSession | undefined> {
    const session = await this.sessions.read();
    if (session) return session;
    const choice = await this.ui.showMessage(
      "info",
      "You are not signed in to Pulsoid. Sign in (or paste an access token) to create and manage widgets.",
      "Sign In",
      "Set Access Token",
    );
    if (choice === "Sign In") await vscode.commands.executeCommand("pulsekit.signIn");
    else if (choice === "Set Access Token") await vscode.commands.executeCommand("pulsekit.setToken");
    else return undefined;
    return this.sessions.read();
  }

  /**
   * shows an error as describeError's sentence with the buttons that fix it; a refused token is
   * marked (never deleted), a timeout or 5xx leaves the session alone
   */
  async reportError(
    error: unknown,
    retry?: () => Promise<unknown>,
    options: { aboutStoredToken?: boolean } = {},
  ): Promise<void> {
    if ((options.aboutStoredToken ?? true) && isTokenRefused(error)) {
      await this.sessions.markRejected();
      this.sessionChanged();
    }
    const message = describeError(error);
    this.log.error(message);
    const actions = errorActions(error, { canRetry: retry !== undefined });
    const choice = (await this.ui.showMessage("error", message, ...actions)) as ErrorAction | undefined;
    switch (choice) {
      case "Sign In Again":
        await vscode.commands.executeCommand("pulsekit.signIn");
        break;
      case "Set Access Token":
        await vscode.commands.executeCommand("pulsekit.setToken");
        break;
      case "Retry":
        await retry?.();
        break;
      case "Open Settings":
        await openSettings();
        break;
      case "Show Widgets":
        await vscode.commands.executeCommand("pulsekit.listWidgets");
        break;
      case "Show Log":
        this.log.channel.show(true);
        break;
    }
  }
}

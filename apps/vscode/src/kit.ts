import {
  createPulsoidClient,
  describeError,
  formatRequestEvent,
  type PulsoidClient,
  type RequestEvent,
  redactSecrets,
} from "@pulsekit/core";
import * as vscode from "vscode";
import type { PulsoidAuthenticationProvider } from "./auth/auth-provider";
import type { SessionStore } from "./auth/session-store";
import type { ContextKeys } from "./context-keys";
import { type ErrorAction, errorActions, isTokenRefused } from "./errors/error-actions";
import { HostNotices, type HostSetting } from "./host-notice";
import type { ObsPasswordStore } from "./obs/obs-password-store";
import type { RequestLogger } from "./request-logger";
import { type ExtensionSettings, openSettings, readSettings } from "./settings";
import type { Ui } from "./ui/ui";
import type { WidgetNode } from "./view/widget-node";
import type { DraftStore } from "./widgets/draft-store";

/**
 * what activate makes before any command code loads: the log, the stores, the session-changed event (the
 * authentication provider listens to it) and the UI in use, which the in-host tests swap
 */
export interface KitParts {
  ui: Ui;
  readonly log: RequestLogger;
  /** writes the session (sign-in, set token, sign-out) */
  readonly sessions: SessionStore;
  /** reads it: the authentication provider, the same way another extension's getSession("pulsoid") does */
  readonly auth: Pick<PulsoidAuthenticationProvider, "getSessions" | "onDidChangeSessions">;
  readonly drafts: DraftStore;
  /** the OBS WebSocket password, in SecretStorage */
  readonly obsPassword: ObsPasswordStore;
  readonly storageUri: vscode.Uri;
  readonly sessionChanges: vscode.EventEmitter<void>;
  readonly contextKeys: ContextKeys;
  /** the Pulsoid view's widget tree */
  readonly widgetView: vscode.TreeView<WidgetNode>;
  /** disposed when the extension deactivates (the window closes): the extension context's subscriptions */
  readonly subscriptions: vscode.Disposable[];
}

/** what every command works with: the UI, the session, the settings, the log and a Pulsoid client */
export class PulseKit {
  readonly log: RequestLogger;
  readonly sessions: SessionStore;
  readonly drafts: DraftStore;
  readonly obsPassword: ObsPasswordStore;
  readonly storageUri: vscode.Uri;
  readonly contextKeys: ContextKeys;
  readonly widgetView: vscode.TreeView<WidgetNode>;
  private readonly hostNotices: HostNotices;
  private readonly widgetChanges = new vscode.EventEmitter<string | undefined>();
  /** fires when widgets were created or updated (with that widget's id), or a refresh was asked for */
  readonly onDidChangeWidgets = this.widgetChanges.event;

  constructor(private readonly parts: KitParts) {
    this.contextKeys = parts.contextKeys;
    this.widgetView = parts.widgetView;
    this.log = parts.log;
    this.sessions = parts.sessions;
    this.drafts = parts.drafts;
    this.obsPassword = parts.obsPassword;
    this.storageUri = parts.storageUri;
    this.hostNotices = new HostNotices(openSettings, (message) => parts.log.info(message));
    parts.log.redactWith(redactSecrets);
  }

  /** the clients' request hook: one line per request in the Pulsoid channel */
  private readonly logRequest = (event: RequestEvent): void =>
    this.log.request(formatRequestEvent(event), event.errorKind !== undefined || (event.status ?? 0) >= 400);

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
      onRequest: this.logRequest,
      ...options,
    });
  }

  /** warns (once per window and address) that the token goes to a host other than Pulsoid's */
  warnUnlessPulsoid(setting: HostSetting, url: string): void {
    this.hostNotices.check(this.ui, setting, url);
  }

  /** the session changed here or in another window */
  get onDidChangeSession(): vscode.Event<unknown> {
    return this.parts.auth.onDidChangeSessions;
  }

  /** the widget list is out of date: the Pulsoid view loads it again and selects the widget with this id */
  widgetsChanged(widgetId?: string): void {
    this.widgetChanges.fire(widgetId);
  }

  /** remembers whether the account has widgets, for the welcome view and the walkthrough */
  noteWidgetCount(count: number): void {
    this.contextKeys.set("pulsekit.hasWidgets", count > 0);
  }

  /** the row selected in the Pulsoid view, for a row command run without one (from a key binding) */
  selectedRow(): WidgetNode | undefined {
    return this.widgetView.selection[0];
  }

  /** tells listeners (the authentication provider) that the session changed */
  sessionChanged(): void {
    this.parts.sessionChanges.fire();
  }

  /** the signed-in session as the authentication provider gives it to any extension, or undefined */
  async currentSession(): Promise<vscode.AuthenticationSession | undefined> {
    const [session] = await this.parts.auth.getSessions();
    return session;
  }

  /**
   * a client for the signed-in account; when nobody is signed in, asks the user to sign in (or set a token)
   * first. Undefined when they did not
   */
  async signedInClient(): Promise<PulsoidClient | undefined> {
    const session = (await this.currentSession()) ?? (await this.askToSignIn());
    return session && this.client(session.accessToken);
  }

  private async askToSignIn(): Promise<vscode.AuthenticationSession | undefined> {
    const choice = await this.ui.showMessage(
      "info",
      "You are not signed in to Pulsoid. Sign in (or paste an access token) to create and manage widgets.",
      "Sign In",
      "Set Access Token",
    );
    if (choice === "Sign In") await vscode.commands.executeCommand("pulsekit.signIn");
    else if (choice === "Set Access Token") await vscode.commands.executeCommand("pulsekit.setToken");
    else return undefined;
    return this.currentSession();
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

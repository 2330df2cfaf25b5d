import * as vscode from "vscode";
import type { SessionStore, StoredSession } from "./session-store";

/** the id other extensions pass to vscode.authentication.getSession */
export const PULSOID_AUTH_ID = "pulsoid";

function toSession(stored: StoredSession): vscode.AuthenticationSession {
  return { id: stored.id, accessToken: stored.accessToken, account: stored.account, scopes: stored.scopes };
}

/**
 * Pulsoid in the Accounts menu: sessions come from SecretStorage, signing in runs the device flow; it loads
 * no command code until signing in or out
 */
export class PulsoidAuthenticationProvider implements vscode.AuthenticationProvider, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.changes.event;
  /** what SecretStorage held at the last look, unparsed: comparing it needs no zod */
  private knownRaw?: string;
  private readonly firstLook: Promise<void>;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly sessions: SessionStore,
    /** fires when this window saved, marked or cleared the session */
    onDidChangeSession: vscode.Event<void>,
    secrets: vscode.SecretStorage,
    private readonly signIn: () => Promise<StoredSession | undefined>,
    private readonly signOut: () => Promise<void>,
    /** told whether a session is stored, at start and after every change (the pulsekit.signedIn context key) */
    private readonly onSignedIn: (signedIn: boolean) => void = () => {},
  ) {
    this.subscriptions.push(
      this.changes,
      onDidChangeSession(() => void this.refresh()),
      // another window of the same profile signed in or out
      secrets.onDidChange(() => void this.refresh()),
    );
    // only whether something is stored: reading the session itself loads the commands bundle, which waits for use
    this.firstLook = Promise.resolve(sessions.readRaw()).then((raw) => {
      this.knownRaw = raw;
      onSignedIn(raw !== undefined);
    });
  }

  /** the stored session when it has every requested scope */
  async getSessions(scopes?: readonly string[]): Promise<vscode.AuthenticationSession[]> {
    const stored = await this.sessions.read();
    if (!stored) return [];
    if (scopes && !scopes.every((scope) => stored.scopes.includes(scope))) return [];
    return [toSession(stored)];
  }

  /** signs in with the device flow */
  async createSession(): Promise<vscode.AuthenticationSession> {
    const stored = await this.signIn();
    if (!stored) throw new Error("Pulsoid sign-in was cancelled or did not finish.");
    return toSession(stored);
  }

  /** signs out: revokes the token (best effort) and deletes it */
  async removeSession(): Promise<void> {
    await this.signOut();
  }

  private async refresh(): Promise<void> {
    await this.firstLook;
    const raw = await this.sessions.readRaw();
    const previousRaw = this.knownRaw;
    if (raw === previousRaw) return;
    this.knownRaw = raw;
    const [before, after] = await Promise.all([this.sessions.parseRaw(previousRaw), this.sessions.parseRaw(raw)]);
    const previous = before && toSession(before);
    const next = after && toSession(after);
    this.onSignedIn(next !== undefined);
    if (previous && !next) this.changes.fire({ added: [], removed: [previous], changed: [] });
    else if (!previous && next) this.changes.fire({ added: [next], removed: [], changed: [] });
    else if (previous && next) this.changes.fire({ added: [], removed: [], changed: [next] });
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

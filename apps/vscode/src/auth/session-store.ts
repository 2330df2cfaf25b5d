import type { TokenValidation } from "@pulsekit/core";

/** the part of VS Code's SecretStorage the session store uses (an in-memory fake in unit tests) */
export interface SecretStore {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
}

/** a signed-in Pulsoid account as kept in SecretStorage */
export interface StoredSession {
  id: string;
  accessToken: string;
  account: { id: string; label: string };
  scopes: string[];
  /** set when Pulsoid refused the token; the user is asked to sign in again, the token is kept */
  rejected?: boolean;
  savedAt: string;
}

/** the SecretStorage key of the Pulsoid session */
export const SESSION_SECRET_KEY = "pulsekit.session";

/** the account label the Accounts menu shows for a token */
export function accountFor(validation: TokenValidation | undefined): { id: string; label: string } {
  if (validation?.profile_id)
    return { id: validation.profile_id, label: `Pulsoid profile ${validation.profile_id.slice(0, 8)}` };
  if (validation?.client_id)
    return { id: `client:${validation.client_id}`, label: `Pulsoid (${validation.client_id})` };
  return { id: "pulsoid", label: "Pulsoid account" };
}

/** reads and writes the one Pulsoid session; only clearIf() removes the token */
export class SessionStore {
  /**
   * `parse` checks what SecretStorage holds (with zod, in session-schema.ts); activation hands in one that loads
   * the commands bundle first, so the code that activates stays free of zod
   */
  constructor(
    private readonly secrets: SecretStore,
    private readonly parse: (raw: string) => StoredSession | undefined | PromiseLike<StoredSession | undefined>,
    private readonly newId: () => string = () => Math.random().toString(36).slice(2, 12),
  ) {}

  /** the stored session, or undefined when none (or it is not a session) */
  async read(): Promise<StoredSession | undefined> {
    const raw = await this.secrets.get(SESSION_SECRET_KEY);
    return raw ? this.parse(raw) : undefined;
  }

  /** stores a token that Pulsoid accepted, replacing any previous one */
  async save(accessToken: string, validation: TokenValidation | undefined, scopes: string[]): Promise<StoredSession> {
    const session: StoredSession = {
      id: this.newId(),
      accessToken,
      account: accountFor(validation),
      scopes: validation?.scopes ?? scopes,
      savedAt: new Date().toISOString(),
    };
    await this.secrets.store(SESSION_SECRET_KEY, JSON.stringify(session));
    return session;
  }

  /** remembers that Pulsoid refused the token, without deleting it */
  async markRejected(): Promise<void> {
    const session = await this.read();
    if (!session || session.rejected) return;
    await this.secrets.store(SESSION_SECRET_KEY, JSON.stringify({ ...session, rejected: true }));
  }

  /**
   * deletes the token, but only while it is still this one: another window (or Set Access Token) may have
   * stored a newer token while sign-out revoked this one. False when another token is stored; sign-out only
   */
  async clearIf(accessToken: string): Promise<boolean> {
    const current = await this.read();
    if (current && current.accessToken !== accessToken) return false;
    await this.secrets.delete(SESSION_SECRET_KEY);
    return true;
  }
}

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

/** the name an account shows under in the Accounts menu and in messages: the Pulsoid username when known */
export function accountLabel(username: string | null | undefined, fallback: string): string {
  const name = username?.trim();
  return name ? name : fallback;
}

/** the account the Accounts menu shows for a token: its Pulsoid username when known, else what the token tells */
export function accountFor(
  validation: TokenValidation | undefined,
  username?: string | null,
): { id: string; label: string } {
  const account = validation?.profile_id
    ? { id: validation.profile_id, label: `Pulsoid profile ${validation.profile_id.slice(0, 8)}` }
    : validation?.client_id
      ? { id: `client:${validation.client_id}`, label: `Pulsoid (${validation.client_id})` }
      : { id: "pulsoid", label: "Pulsoid account" };
  return { ...account, label: accountLabel(username, account.label) };
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
    return this.parseRaw(await this.readRaw());
  }

  /** what SecretStorage holds, unchecked: enough to tell whether anything is stored, without loading zod */
  async readRaw(): Promise<string | undefined> {
    return (await this.secrets.get(SESSION_SECRET_KEY)) || undefined;
  }

  /** a value readRaw gave, checked; undefined when it is not a session */
  async parseRaw(raw: string | undefined): Promise<StoredSession | undefined> {
    return raw ? this.parse(raw) : undefined;
  }

  /** stores a token that Pulsoid accepted, replacing any previous one */
  async save(
    accessToken: string,
    validation: TokenValidation | undefined,
    scopes: string[],
    username?: string | null,
  ): Promise<StoredSession> {
    const session: StoredSession = {
      id: this.newId(),
      accessToken,
      account: accountFor(validation, username),
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

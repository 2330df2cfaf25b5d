import type * as vscode from "vscode";
import type { SecretStore } from "../auth/session-store";

/** the SecretStorage key of the OBS WebSocket server password */
export const OBS_PASSWORD_SECRET_KEY = "pulsekit.obs.password";

/** SecretStorage as this store uses it; onDidChange tells of another window saving or forgetting */
export interface ObsSecretStore extends SecretStore {
  onDidChange?: vscode.Event<{ key: string }>;
}

/**
 * the one owner of the OBS password: reads, saves and forgets it in SecretStorage, never in settings. Every
 * password it sees is handed to `hide` first (the log's redaction), and whether one is stored goes to
 * `onStored` (the context key that shows Forget OBS Password in the palette). It imports nothing from OBS's
 * client, so activation can make it
 */
export class ObsPasswordStore implements vscode.Disposable {
  private readonly listening?: vscode.Disposable;

  constructor(
    private readonly secrets: ObsSecretStore,
    private readonly hide: (secret: string) => void,
    private readonly onStored: (stored: boolean) => void = () => {},
  ) {
    this.listening = secrets.onDidChange?.((event) => {
      if (event.key === OBS_PASSWORD_SECRET_KEY) void this.read();
    });
    void this.read();
  }

  /** the stored password, or undefined when none is */
  async read(): Promise<string | undefined> {
    const password = (await this.secrets.get(OBS_PASSWORD_SECRET_KEY)) || undefined;
    if (password) this.hide(password);
    this.onStored(password !== undefined);
    return password;
  }

  /** keeps a password OBS accepted, replacing any earlier one */
  async save(password: string): Promise<void> {
    this.hide(password);
    await this.secrets.store(OBS_PASSWORD_SECRET_KEY, password);
    this.onStored(true);
  }

  /** forgets the password; false when none was stored */
  async clear(): Promise<boolean> {
    const had = (await this.secrets.get(OBS_PASSWORD_SECRET_KEY)) !== undefined;
    await this.secrets.delete(OBS_PASSWORD_SECRET_KEY);
    this.onStored(false);
    return had;
  }

  dispose(): void {
    this.listening?.dispose();
  }
}

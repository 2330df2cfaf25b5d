import type { SecretStore } from "../../src/auth/session-store";

/** an in-memory SecretStorage for unit tests */
export class MemorySecrets implements SecretStore {
  readonly values = new Map<string, string>();
  readonly deleted: string[] = [];

  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }

  async store(key: string, value: string): Promise<void> {
    this.values.set(key, value);
  }

  async delete(key: string): Promise<void> {
    this.deleted.push(key);
    this.values.delete(key);
  }
}

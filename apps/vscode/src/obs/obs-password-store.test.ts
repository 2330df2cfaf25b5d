import { describe, expect, it } from "vitest";
import { MemorySecrets } from "../../test/unit/memory-secrets";
import { OBS_PASSWORD_SECRET_KEY, ObsPasswordStore } from "./obs-password-store";

function storeWith(secrets = new MemorySecrets()) {
  const hidden: string[] = [];
  const stored: boolean[] = [];
  const store = new ObsPasswordStore(
    secrets,
    (secret) => hidden.push(secret),
    (value) => stored.push(value),
  );
  return { store, secrets, hidden, stored };
}

describe("ObsPasswordStore", () => {
  it("keeps the password under its own SecretStorage key and hides it from the log first", async () => {
    const { store, secrets, hidden, stored } = storeWith();
    await store.save("obs-secret-1");
    expect(secrets.values.get(OBS_PASSWORD_SECRET_KEY)).toBe("obs-secret-1");
    expect(hidden).toContain("obs-secret-1");
    expect(await store.read()).toBe("obs-secret-1");
    expect(stored.at(-1)).toBe(true);
  });

  it("tells at start whether one is kept, and hides a password read back", async () => {
    const secrets = new MemorySecrets();
    secrets.values.set(OBS_PASSWORD_SECRET_KEY, "kept-before");
    const { hidden, stored } = storeWith(secrets);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(stored).toEqual([true]);
    expect(hidden).toEqual(["kept-before"]);
  });

  it("forgets it, and says whether there was one", async () => {
    const { store, secrets, stored } = storeWith();
    await store.save("obs-secret-2");
    expect(await store.clear()).toBe(true);
    expect(secrets.values.has(OBS_PASSWORD_SECRET_KEY)).toBe(false);
    expect(await store.read()).toBeUndefined();
    expect(await store.clear()).toBe(false);
    expect(stored.at(-1)).toBe(false);
  });
});

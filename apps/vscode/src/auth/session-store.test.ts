import { describe, expect, it } from "vitest";
import { MemorySecrets } from "../../test/unit/memory-secrets";
import { parseStoredSession } from "./session-schema";
import { accountFor, accountLabel, SESSION_SECRET_KEY, SessionStore } from "./session-store";

const validation = { client_id: "client-1", expires_in: 3600, profile_id: "3f1b2c4d-aaaa", scopes: ["widgets:read"] };

describe("SessionStore", () => {
  it("saves an accepted token with the account and scopes Pulsoid reported", async () => {
    const secrets = new MemorySecrets();
    const store = new SessionStore(secrets, parseStoredSession, () => "id-1");
    await store.save("tok-123456", validation, ["widgets:read", "widgets:update"]);
    const session = await store.read();
    expect(session).toMatchObject({
      id: "id-1",
      accessToken: "tok-123456",
      scopes: ["widgets:read"],
      account: { id: "3f1b2c4d-aaaa", label: "Pulsoid profile 3f1b2c4d" },
    });
    expect(secrets.values.has(SESSION_SECRET_KEY)).toBe(true);
  });

  it("keeps the token when it is marked as refused", async () => {
    const secrets = new MemorySecrets();
    const store = new SessionStore(secrets, parseStoredSession);
    await store.save("tok-123456", validation, []);
    await store.markRejected();
    const session = await store.read();
    expect(session?.accessToken).toBe("tok-123456");
    expect(session?.rejected).toBe(true);
    expect(secrets.deleted).toEqual([]);
  });

  it("deletes the token only on clearIf, and only while it is still the one given", async () => {
    const secrets = new MemorySecrets();
    const store = new SessionStore(secrets, parseStoredSession);
    await store.save("tok-123456", undefined, ["widgets:read"]);
    await store.markRejected();
    expect(await store.clearIf("tok-123456")).toBe(true);
    expect(await store.read()).toBeUndefined();
    expect(secrets.deleted).toEqual([SESSION_SECRET_KEY]);
  });

  it("keeps a different token stored meanwhile", async () => {
    const secrets = new MemorySecrets();
    const store = new SessionStore(secrets, parseStoredSession);
    await store.save("newer-token", undefined, ["widgets:read"]);
    expect(await store.clearIf("revoked-token")).toBe(false);
    expect((await store.read())?.accessToken).toBe("newer-token");
    expect(secrets.deleted).toEqual([]);
  });

  it("reads a damaged secret as signed out without deleting it", async () => {
    const secrets = new MemorySecrets();
    secrets.values.set(SESSION_SECRET_KEY, "{not json");
    expect(await new SessionStore(secrets, parseStoredSession).read()).toBeUndefined();
    expect(secrets.values.get(SESSION_SECRET_KEY)).toBe("{not json");
  });

  it("reads a secret of the wrong shape as signed out, field by field", async () => {
    const secrets = new MemorySecrets();
    const store = new SessionStore(secrets, parseStoredSession);
    const good = { id: "a", accessToken: "tok-123456", account: { id: "p", label: "P" }, scopes: [], savedAt: "x" };
    for (const bad of [
      { ...good, accessToken: "" },
      { ...good, scopes: "widgets:read" },
      { ...good, account: null },
      [good],
    ]) {
      secrets.values.set(SESSION_SECRET_KEY, JSON.stringify(bad));
      expect(await store.read()).toBeUndefined();
    }
    secrets.values.set(SESSION_SECRET_KEY, JSON.stringify(good));
    expect(await store.read()).toEqual(good);
  });

  it("labels server tokens by client and unknown tokens generically", () => {
    expect(accountFor({ ...validation, profile_id: null }).label).toBe("Pulsoid (client-1)");
    expect(accountFor(undefined).label).toBe("Pulsoid account");
  });

  it("labels the account with its Pulsoid username when the profile could be read", () => {
    expect(accountFor(validation, "streamer42")).toEqual({ id: "3f1b2c4d-aaaa", label: "streamer42" });
    expect(accountFor(validation, null).label).toBe("Pulsoid profile 3f1b2c4d");
  });
});

describe("accountLabel", () => {
  it("is the Pulsoid username when there is one, else the label from the token", () => {
    expect(accountLabel("streamer42", "Pulsoid profile 5d9facc5")).toBe("streamer42");
    expect(accountLabel("  ", "Pulsoid profile 5d9facc5")).toBe("Pulsoid profile 5d9facc5");
    expect(accountLabel(undefined, "Pulsoid profile 5d9facc5")).toBe("Pulsoid profile 5d9facc5");
  });
});

import { describe, expect, it } from "vitest";
import { checkToken, createPulsoidClient } from "../src/index.js";
import { useEmulator } from "./emulator.js";
import { rejection } from "./reject.js";

const ctx = useEmulator();

describe("validateToken", () => {
  it("returns client, expiry, profile and scopes, and nothing of the token", async () => {
    const token = ctx.emulator.seedToken({ scopes: ["widgets:read"], clientId: "my-client" });
    const validation = await createPulsoidClient({ token, baseUrl: ctx.emulator.url }).validateToken();
    expect(validation).toMatchObject({ client_id: "my-client", scopes: ["widgets:read"] });
    expect(validation.expires_in).toBeGreaterThan(0);
    expect(JSON.stringify(validation)).not.toContain(token);
    expect(ctx.emulator.requests()).toEqual([
      expect.objectContaining({ method: "GET", path: "/api/v1/token/validate", status: 200 }),
    ]);
  });
});

describe("requireScopes", () => {
  it("passes when the token has what the caller needs, and only that is checked", async () => {
    await expect(ctx.client({}, ["widgets:read"]).requireScopes(["widgets:read"])).resolves.toBeDefined();
  });

  it("names each missing scope", async () => {
    const error = await rejection(ctx.client({}, ["widgets:read"]).requireScopes(["widgets:read", "widgets:update"]));
    expect(error).toMatchObject({ kind: "insufficient_scope", missingScopes: ["widgets:update"] });
    expect(error.message).toContain("widgets:update");
  });
});

describe("checkToken", () => {
  it("reports signed in with missing scopes", async () => {
    const status = await checkToken(ctx.client({}, ["widgets:read"]), ["widgets:update"]);
    expect(status).toMatchObject({ state: "signed_in", missingScopes: ["widgets:update"] });
    expect(status.message).toContain("missing widgets:update");
  });

  it("reports a refused token", async () => {
    const client = createPulsoidClient({ token: "unknown", baseUrl: ctx.emulator.url });
    const status = await checkToken(client, []);
    expect(status.state).toBe("refused");
    expect(status.message).toMatch(/Sign in again/);
  });

  it("reports an unreachable Pulsoid without calling the token refused", async () => {
    ctx.emulator.addFault({ path: "/api/v1/token/validate", status: 503, times: 5 });
    const status = await checkToken(ctx.client({ retry: { retries: 1, minDelayMs: 1 } }), []);
    expect(status.state).toBe("unreachable");
  });
});

describe("revokeToken", () => {
  it("posts the token as a form to /oauth2/revoke, after which the token is refused", async () => {
    const token = ctx.emulator.seedToken({ scopes: ["widgets:read"] });
    const client = createPulsoidClient({ token, baseUrl: ctx.emulator.url });
    await client.revokeToken();
    const [revoke] = ctx.emulator.requests();
    expect(revoke).toMatchObject({ method: "POST", path: "/oauth2/revoke", status: 200 });
    expect(JSON.stringify(revoke)).not.toContain(token);
    const error = await rejection(client.validateToken());
    expect(error.kind).toBe("unauthorized");
  });
});

describe("client options", () => {
  it.each([
    ["", "is empty"],
    ["two words", "spaces"],
    [undefined, "text"],
  ])("rejects the token %j without sending anything", (token, rule) => {
    expect(() => createPulsoidClient({ token: token as string, baseUrl: ctx.emulator.url })).toThrowError(rule);
    expect(ctx.emulator.requests()).toEqual([]);
  });
});

describe("getProfile", () => {
  it("reads the user's name, as username or as the docs' other example's login", async () => {
    const client = ctx.client({}, ["profile:read"]);
    expect(await client.getProfile()).toEqual({ username: "emulator-user", channel: "emulator-user" });
    ctx.emulator.setProfile({ login: "heartfelt", channel: null });
    expect(await client.getProfile()).toEqual({ username: "heartfelt", channel: null });
    expect(ctx.emulator.requests().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "GET /api/v1/profile 200",
      "GET /api/v1/profile 200",
    ]);
  });

  it("needs profile:read, like Pulsoid", async () => {
    const error = await rejection(ctx.client({}, ["widgets:read"]).getProfile());
    expect(error.kind).toBe("insufficient_scope");
  });
});

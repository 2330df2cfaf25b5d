import { describe, expect, it } from "vitest";
import { apiCall, hook, useEmulator } from "./fixtures.js";

describe("bearer token checks", () => {
  const emulator = useEmulator();

  it("answers 7009 when the Authorization header is missing", async () => {
    const response = await apiCall(emulator.current, "/api/v1/widgets", undefined);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error_code: 7009,
      error_message: "error_authorization_header_is_not_present",
    });
  });

  it.each(["Basic abc", "Bearer", "Bearer two parts", "token-without-scheme"])(
    "answers 7010 for the header %j",
    async (value) => {
      const response = await apiCall(emulator.current, "/api/v1/widgets", undefined, {
        headers: { authorization: value },
      });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        error_code: 7010,
        error_message: "error_authorization_header_has_wrong_format",
      });
    },
  );

  it("answers 7005 for an unknown token", async () => {
    const response = await apiCall(emulator.current, "/api/v1/widgets", "not-a-known-token");
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error_code: 7005, error_message: "token_not_found" });
  });

  it("answers 7006 for an expired token", async () => {
    const { token } = await (
      await hook(emulator.current, "POST", "/tokens", { scopes: ["widgets:read"], expired: true })
    ).json();
    const response = await apiCall(emulator.current, "/api/v1/widgets", token);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error_code: 7006, error_message: "token_expired" });
  });

  it("answers 401 instead of 403 when refusedStatus is 401", async () => {
    await hook(emulator.current, "POST", "/config", { refusedStatus: 401 });
    const missing = await apiCall(emulator.current, "/api/v1/widgets", undefined);
    const unknown = await apiCall(emulator.current, "/api/v1/token/validate", "nope");
    expect([missing.status, unknown.status]).toEqual([401, 401]);
    expect((await unknown.json()).error_code).toBe(7005);
  });

  it("sends error codes as strings when errorCodeType is string", async () => {
    await hook(emulator.current, "POST", "/config", { errorCodeType: "string" });
    const response = await apiCall(emulator.current, "/api/v1/widgets", undefined, { headers: { authorization: "x" } });
    expect(await response.json()).toEqual({
      error_code: "7010",
      error_message: "error_authorization_header_has_wrong_format",
    });
    const token = emulator.current.seedToken({ scopes: [] });
    const scope = await apiCall(emulator.current, "/api/v1/widgets", token);
    expect(await scope.json()).toEqual({ error_code: "7011", error_message: "error_invalid_scope" });
  });

  it("accepts the scheme in any letter case", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:read"] });
    const response = await apiCall(emulator.current, "/api/v1/widgets", undefined, {
      headers: { authorization: `bearer ${token}` },
    });
    expect(response.status).toBe(200);
  });

  it("answers unknown API paths with a 404 error body", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:read"] });
    const response = await apiCall(emulator.current, "/api/v1/nothing-here", token);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error_code: 4041, error_message: "route_not_found" });
  });
});

describe("GET /api/v1/token/validate", () => {
  const emulator = useEmulator();

  it("describes the token without echoing it", async () => {
    const { token } = await (
      await hook(emulator.current, "POST", "/tokens", {
        scopes: ["widgets:read", "widgets:update"],
        clientId: "my-client",
        expiresIn: 3600,
      })
    ).json();
    const response = await apiCall(emulator.current, "/api/v1/token/validate", token);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(token);
    const body = JSON.parse(text);
    expect(Object.keys(body).sort()).toEqual(["client_id", "expires_in", "profile_id", "scopes"]);
    expect(body.client_id).toBe("my-client");
    expect(body.scopes).toEqual(["widgets:read", "widgets:update"]);
    expect(body.expires_in).toBeGreaterThan(3590);
    expect(body.expires_in).toBeLessThanOrEqual(3600);
    expect(typeof body.profile_id).toBe("string");
  });

  it("works with a token that has no scopes", async () => {
    const token = emulator.current.seedToken({ scopes: [] });
    const response = await apiCall(emulator.current, "/api/v1/token/validate", token);
    expect(response.status).toBe(200);
    expect((await response.json()).scopes).toEqual([]);
  });

  it("uses the token value given to the hook", async () => {
    const created = await hook(emulator.current, "POST", "/tokens", { token: "fixed-token", scopes: ["profile:read"] });
    expect(await created.json()).toEqual({ token: "fixed-token" });
    const response = await apiCall(emulator.current, "/api/v1/token/validate", "fixed-token");
    expect((await response.json()).scopes).toEqual(["profile:read"]);
  });
});

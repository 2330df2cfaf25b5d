import { describe, expect, it } from "vitest";
import type { Emulator } from "../src/index.js";
import { apiCall, formPost, hook, useEmulator } from "./fixtures.js";

const deviceGrant = "urn:ietf:params:oauth:grant-type:device_code";

async function startDevice(emulator: Emulator, scope = "widgets:read,widgets:update") {
  const response = await formPost(emulator, "/oauth2/device_authorization", { client_id: "my-client", scope });
  expect(response.status).toBe(200);
  return (await response.json()) as {
    device_code: string;
    user_code: string;
    verification_uri: string;
    verification_uri_complete: string;
    expires_in: number;
    interval: number;
  };
}

async function poll(emulator: Emulator, deviceCode: string, clientId = "my-client") {
  const response = await formPost(emulator, "/oauth2/token", {
    grant_type: deviceGrant,
    device_code: deviceCode,
    client_id: clientId,
  });
  return { status: response.status, body: await response.json() };
}

describe("POST /oauth2/device_authorization", () => {
  const emulator = useEmulator();

  it("answers the RFC 8628 fields with the documented defaults", async () => {
    const device = await startDevice(emulator.current);
    expect(Object.keys(device).sort()).toEqual([
      "device_code",
      "expires_in",
      "interval",
      "user_code",
      "verification_uri",
      "verification_uri_complete",
    ]);
    expect(device.user_code).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    expect(device.verification_uri).toBe(`${emulator.current.url}/activate`);
    expect(device.verification_uri_complete).toBe(`${emulator.current.url}/activate?user_code=${device.user_code}`);
    expect(device.expires_in).toBe(600);
    expect(device.interval).toBe(3);
    expect(device.device_code.length).toBeGreaterThanOrEqual(20);
  });

  it("takes the timings from the config", async () => {
    await hook(emulator.current, "POST", "/config", { deviceInterval: 0, deviceExpiresIn: 30 });
    const device = await startDevice(emulator.current);
    expect([device.interval, device.expires_in]).toEqual([0, 30]);
  });

  it("answers invalid_client without a client_id", async () => {
    const response = await formPost(emulator.current, "/oauth2/device_authorization", { scope: "widgets:read" });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe("invalid_client");
  });

  it("answers invalid_scope for a scope Pulsoid does not have", async () => {
    const response = await formPost(emulator.current, "/oauth2/device_authorization", {
      client_id: "c",
      scope: "widgets:read,widgets:delete",
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe("invalid_scope");
  });
});

describe("the device flow end to end", () => {
  const emulator = useEmulator();

  it("is pending until approved, then issues a token with the requested scopes once", async () => {
    await hook(emulator.current, "POST", "/config", { deviceInterval: 0 });
    // spaces as separators are accepted too
    const device = await startDevice(emulator.current, "widgets:read widgets:update");
    expect(await poll(emulator.current, device.device_code)).toMatchObject({
      status: 400,
      body: { error: "authorization_pending" },
    });
    const approved = await hook(emulator.current, "POST", `/devices/${device.user_code}/approve`, {});
    expect(approved.status).toBe(200);
    const granted = await poll(emulator.current, device.device_code);
    expect(granted.status).toBe(200);
    expect(Object.keys(granted.body).sort()).toEqual(["access_token", "expires_in", "token_type"]);
    expect(granted.body.token_type).toBe("bearer");
    expect(granted.body.expires_in).toBeGreaterThan(0);
    const validate = await apiCall(emulator.current, "/api/v1/token/validate", granted.body.access_token);
    expect(await validate.json()).toMatchObject({ client_id: "my-client", scopes: ["widgets:read", "widgets:update"] });
    // a device code is good for one token only
    expect((await poll(emulator.current, device.device_code)).body.error).toBe("invalid_grant");
  });

  it("answers slow_down when polled faster than the interval, and adds 5 seconds to it", async () => {
    await hook(emulator.current, "POST", "/config", { deviceInterval: 1 });
    const device = await startDevice(emulator.current);
    expect((await poll(emulator.current, device.device_code)).body.error).toBe("authorization_pending");
    const tooFast = await poll(emulator.current, device.device_code);
    expect(tooFast).toMatchObject({ status: 400, body: { error: "slow_down" } });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    // one second was enough before; now the interval is six
    expect((await poll(emulator.current, device.device_code)).body.error).toBe("slow_down");
  });

  it("answers access_denied after Deny", async () => {
    await hook(emulator.current, "POST", "/config", { deviceInterval: 0 });
    const device = await startDevice(emulator.current);
    const denied = await hook(emulator.current, "POST", `/devices/${device.user_code}/deny`, {});
    expect(await denied.json()).toEqual({ user_code: device.user_code, status: "denied" });
    expect(await poll(emulator.current, device.device_code)).toMatchObject({
      status: 400,
      body: { error: "access_denied" },
    });
  });

  it("answers expired_token once the code has expired, and refuses to approve it", async () => {
    await hook(emulator.current, "POST", "/config", { deviceInterval: 0, deviceExpiresIn: 1 });
    const device = await startDevice(emulator.current);
    expect((await poll(emulator.current, device.device_code)).body.error).toBe("authorization_pending");
    await new Promise((resolve) => setTimeout(resolve, 1050));
    expect(await poll(emulator.current, device.device_code)).toMatchObject({
      status: 400,
      body: { error: "expired_token" },
    });
    expect((await hook(emulator.current, "POST", `/devices/${device.user_code}/approve`, {})).status).toBe(410);
  });

  it("answers invalid_grant for an unknown device code or another client", async () => {
    await hook(emulator.current, "POST", "/config", { deviceInterval: 0 });
    expect(await poll(emulator.current, "no-such-code")).toMatchObject({
      status: 400,
      body: { error: "invalid_grant" },
    });
    const device = await startDevice(emulator.current);
    expect((await poll(emulator.current, device.device_code, "someone-else")).body.error).toBe("invalid_grant");
  });

  it("answers unsupported_grant_type for other grants", async () => {
    const response = await formPost(emulator.current, "/oauth2/token", {
      grant_type: "refresh_token",
      refresh_token: "x",
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe("unsupported_grant_type");
  });

  it("answers 404 to approving an unknown code and 409 to answering twice", async () => {
    expect((await hook(emulator.current, "POST", "/devices/BBBB-CCCC/approve", {})).status).toBe(404);
    const device = await startDevice(emulator.current);
    expect((await hook(emulator.current, "POST", `/devices/${device.user_code}/approve`, {})).status).toBe(200);
    expect((await hook(emulator.current, "POST", `/devices/${device.user_code}/deny`, {})).status).toBe(409);
  });
});

describe("POST /oauth2/revoke", () => {
  const emulator = useEmulator();

  it("answers 200 and the token stops working", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:read"] });
    expect((await apiCall(emulator.current, "/api/v1/widgets", token)).status).toBe(200);
    const revoked = await formPost(emulator.current, "/oauth2/revoke", { token });
    expect(revoked.status).toBe(200);
    const after = await apiCall(emulator.current, "/api/v1/widgets", token);
    expect(after.status).toBe(403);
    expect((await after.json()).error_code).toBe(7005);
  });

  it("answers 200 for a token it does not know", async () => {
    expect((await formPost(emulator.current, "/oauth2/revoke", { token: "unknown" })).status).toBe(200);
  });
});

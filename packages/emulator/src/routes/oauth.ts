import { Hono } from "hono";
import { formBody } from "../body.js";
import { isKnownScope, parseScopeList } from "../scopes.js";
import { type AppEnv, DEFAULT_TOKEN_LIFETIME_SECONDS, type EmulatorState, issueToken } from "../state.js";

const deviceGrant = "urn:ietf:params:oauth:grant-type:device_code";

/** the device authorization flow (RFC 8628) and revocation under /oauth2 */
export function oauthRoutes(state: EmulatorState) {
  const app = new Hono<AppEnv>();
  const oauthError = (error: string, description: string) => ({ error, error_description: description });

  app.post("/device_authorization", (c) => {
    const form = formBody(c);
    const clientId = form.get("client_id");
    if (!clientId) return c.json(oauthError("invalid_client", "client_id is missing"), 400);
    const scopes = parseScopeList(form.get("scope") ?? "");
    const unknown = scopes.find((scope) => !isKnownScope(scope));
    if (unknown) return c.json(oauthError("invalid_scope", `unknown scope ${unknown}`), 400);
    const device = state.devices.start({
      clientId,
      scopes,
      interval: state.config.deviceInterval,
      expiresIn: state.config.deviceExpiresIn,
    });
    const origin = new URL(c.req.url).origin;
    return c.json({
      device_code: device.deviceCode,
      user_code: device.userCode,
      verification_uri: `${origin}/activate`,
      verification_uri_complete: `${origin}/activate?user_code=${encodeURIComponent(device.userCode)}`,
      expires_in: state.config.deviceExpiresIn,
      interval: device.interval,
    });
  });

  app.post("/token", (c) => {
    const form = formBody(c);
    const grantType = form.get("grant_type");
    if (!grantType) return c.json(oauthError("invalid_request", "grant_type is missing"), 400);
    if (grantType !== deviceGrant) {
      return c.json(oauthError("unsupported_grant_type", `the emulator supports only ${deviceGrant}`), 400);
    }
    const clientId = form.get("client_id");
    if (!clientId) return c.json(oauthError("invalid_client", "client_id is missing"), 400);
    const deviceCode = form.get("device_code");
    if (!deviceCode) return c.json(oauthError("invalid_request", "device_code is missing"), 400);
    const device = state.devices.byDeviceCode(deviceCode);
    if (!device || device.status === "used" || device.clientId !== clientId) {
      return c.json(oauthError("invalid_grant", "unknown or already used device_code for this client"), 400);
    }
    const now = Date.now();
    if (now >= device.expiresAt) return c.json(oauthError("expired_token", "the device code has expired"), 400);
    if (device.status === "denied") return c.json(oauthError("access_denied", "the user denied the request"), 400);
    if (device.status === "pending") {
      const tooSoon = device.lastPollAt !== null && now - device.lastPollAt < device.interval * 1000;
      device.lastPollAt = now;
      if (tooSoon) {
        device.interval += 5;
        return c.json(oauthError("slow_down", `poll at most every ${device.interval} seconds`), 400);
      }
      return c.json(oauthError("authorization_pending", "the user has not answered yet"), 400);
    }
    device.status = "used";
    const accessToken = issueToken(state, { scopes: device.scopes, clientId: device.clientId });
    return c.json({ access_token: accessToken, expires_in: DEFAULT_TOKEN_LIFETIME_SECONDS, token_type: "bearer" });
  });

  app.post("/revoke", (c) => {
    const token = formBody(c).get("token");
    if (!token) return c.json(oauthError("invalid_request", "token is missing"), 400);
    // RFC 7009: an unknown token is answered 200 too
    state.store.revokeToken(token);
    state.realTime.closeToken(token);
    return c.body(null, 200);
  });
  return app;
}

import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { emulatorHooks } from "../src/index.js";
import { apiCall, formPost, hook, useEmulator } from "./fixtures.js";
import { connect, pause, refusal } from "./real-time-client.js";

const READ = "data:heart_rate:read";
const plain = { response_mode: "text_plain_only_heart_rate" };

describe("GET /api/v1/data/real_time", () => {
  const emulator = useEmulator();

  it("sends a pushed reading to every open connection in its response mode, and keeps it as the latest", async () => {
    const token = emulator.current.seedToken({ scopes: [READ] });
    const json = await connect(emulator.current, { access_token: token });
    const bare = await connect(emulator.current, plain, { authorization: `Bearer ${token}` });
    const response = await hook(emulator.current, "POST", "/heart-rate", { bpm: 88 });
    expect(response.status).toBe(200);
    const { measuredAt, sentTo } = await response.json();
    expect(sentTo).toBe(2);
    expect(JSON.parse(await json.message(1))).toEqual({ measured_at: measuredAt, data: { heart_rate: 88 } });
    expect(await bare.message(1)).toBe("88");
    const latest = await apiCall(emulator.current, "/api/v1/data/heart_rate/latest", token);
    expect(await latest.json()).toEqual({ measured_at: measuredAt, data: { heart_rate: 88 } });
    json.socket.close();
    bare.socket.close();
  });

  it("sends readings set through the first heart-rate hook too", async () => {
    const token = emulator.current.seedToken({ scopes: [READ] });
    const client = await connect(emulator.current, { access_token: token, ...plain });
    await hook(emulator.current, "POST", "/heart_rate", { heartRate: 71, measuredAt: 1_700_000_000_000 });
    expect(await client.message(1)).toBe("71");
    client.socket.close();
  });

  it("refuses a missing, malformed, unknown or expired token like the REST endpoints do", async () => {
    const expired = emulator.current.seedToken({ scopes: [READ], expired: true });
    // each case: how the socket is opened, the same token as a REST header, the documented code
    const cases: [Record<string, string>, Record<string, string>, Record<string, string>, number][] = [
      [{}, {}, {}, 7009],
      [{}, { authorization: "Token abc" }, { authorization: "Token abc" }, 7010],
      [{ access_token: "unknown" }, {}, { authorization: "Bearer unknown" }, 7005],
      [{}, { authorization: "Bearer unknown" }, { authorization: "Bearer unknown" }, 7005],
      [{ access_token: expired }, {}, { authorization: `Bearer ${expired}` }, 7006],
    ];
    for (const [query, headers, restHeaders, code] of cases) {
      const refused = await refusal(emulator.current, query, headers);
      expect(refused).toMatchObject({ status: 403, body: { error_code: code } });
      const rest = await apiCall(emulator.current, "/api/v1/data/heart_rate/latest", undefined, {
        headers: restHeaders,
      });
      expect({ status: rest.status, body: await rest.json() }).toEqual(refused);
    }
  });

  it("refuses with 401 when the config says so", async () => {
    emulator.current.configure({ refusedStatus: 401 });
    expect(await refusal(emulator.current, { access_token: "unknown" })).toEqual({
      status: 401,
      body: { error_code: 7005, error_message: "token_not_found" },
    });
  });

  it("refuses a token without data:heart_rate:read with 400 7011, as /latest does", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:read"] });
    const refused = await refusal(emulator.current, { access_token: token });
    expect(refused).toEqual({ status: 400, body: { error_code: 7011, error_message: "error_invalid_scope" } });
    const rest = await apiCall(emulator.current, "/api/v1/data/heart_rate/latest", token);
    expect({ status: rest.status, body: await rest.json() }).toEqual(refused);
  });

  it("logs the upgrade and its refusals without the token", async () => {
    const token = emulator.current.seedToken({ scopes: [READ] });
    const client = await connect(emulator.current, { access_token: token });
    const byHeader = await connect(emulator.current, {}, { authorization: `Bearer ${token}` });
    await refusal(emulator.current, { access_token: `${token}x` });
    const text = await (await hook(emulator.current, "GET", "/requests")).text();
    expect(text).not.toContain(token);
    expect(JSON.parse(text)).toEqual([
      { method: "GET", path: "/api/v1/data/real_time", status: 101, query: { access_token: "[redacted]" } },
      { method: "GET", path: "/api/v1/data/real_time", status: 101 },
      { method: "GET", path: "/api/v1/data/real_time", status: 403, query: { access_token: "[redacted]" } },
    ]);
    client.socket.close();
    byHeader.socket.close();
  });

  it("applies faults to the upgrade, such as a 402 before the next one works", async () => {
    const token = emulator.current.seedToken({ scopes: [READ] });
    emulator.current.addFault({ path: "/api/v1/data/real_time", status: 402, errorCode: 7007 });
    expect(await refusal(emulator.current, { access_token: token })).toEqual({
      status: 402,
      body: { error_code: 7007, error_message: "premium_required" },
    });
    const client = await connect(emulator.current, { access_token: token });
    expect(emulator.current.requests().map((r) => r.status)).toEqual([402, 101]);
    client.socket.close();
  });

  it("answers 400 to an upgrade that is not a valid WebSocket handshake, and 405 to one that is not a GET", async () => {
    const token = emulator.current.seedToken({ scopes: [READ] });
    const upgrade = (method: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(`${emulator.current.url}/api/v1/data/real_time?access_token=${token}`, {
          method,
          headers: { connection: "Upgrade", upgrade: "websocket" },
        });
        req.on("response", (response) => resolve(response.statusCode ?? 0));
        req.on("error", reject);
        req.end();
      });
    expect(await upgrade("GET")).toBe(400);
    expect(await upgrade("POST")).toBe(405);
    expect(emulator.current.requests()).toEqual([
      { method: "GET", path: "/api/v1/data/real_time", status: 400, query: { access_token: "[redacted]" } },
      { method: "POST", path: "/api/v1/data/real_time", status: 405, query: { access_token: "[redacted]" } },
    ]);
  });

  it("ends open connections when the emulator closes", async () => {
    const token = emulator.current.seedToken({ scopes: [READ] });
    const client = await connect(emulator.current, { access_token: token });
    await emulator.current.close();
    expect((await client.closed).code).toBe(1006);
  });
});

describe("POST /__emulator/heart-rate", () => {
  const emulator = useEmulator();

  it.each([["72"], [-1], [301], [72.5], [null]])("refuses bpm %j with a clear problem", async (bpm) => {
    const response = await hook(emulator.current, "POST", "/heart-rate", { bpm });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: "invalid_hook_request",
      message: `bpm must be a whole number from 0 to 300, got ${JSON.stringify(bpm)}`,
    });
    expect(() => emulator.current.sendHeartRate(bpm as number)).toThrow(/bpm must be a whole number from 0 to 300/);
  });

  it("accepts 0 and 300", async () => {
    expect((await hook(emulator.current, "POST", "/heart-rate", { bpm: 0 })).status).toBe(200);
    expect((await hook(emulator.current, "POST", "/heart-rate", { bpm: 300 })).status).toBe(200);
  });
});

describe("POST /__emulator/tokens/{token}/revoke", () => {
  const emulator = useEmulator();

  it("closes the token's open connections with 4001 token_revoked and refuses it from then on", async () => {
    const token = emulator.current.seedToken({ scopes: [READ] });
    const other = emulator.current.seedToken({ scopes: [READ] });
    const client = await connect(emulator.current, { access_token: token });
    const bystander = await connect(emulator.current, { access_token: other });
    const response = await hook(emulator.current, "POST", `/tokens/${token}/revoke`, {});
    expect(await response.json()).toEqual({ revoked: true, closedConnections: 1 });
    expect(await client.closed).toEqual({ code: 4001, reason: "token_revoked" });
    expect(await refusal(emulator.current, { access_token: token })).toMatchObject({
      status: 403,
      body: { error_code: 7005 },
    });
    expect((await apiCall(emulator.current, "/api/v1/data/heart_rate/latest", token)).status).toBe(403);
    emulator.current.sendHeartRate(90);
    expect(await bystander.message(1)).toContain('"heart_rate":90');
    bystander.socket.close();
  });

  it("answers 404 for a token it does not know", async () => {
    const response = await hook(emulator.current, "POST", "/tokens/nope/revoke", {});
    expect(response.status).toBe(404);
    expect(() => emulator.current.revokeToken("nope")).toThrow(/no such token/);
  });

  it("closes connections of a token revoked through /oauth2/revoke too", async () => {
    const token = emulator.current.seedToken({ scopes: [READ] });
    const client = await connect(emulator.current, { access_token: token });
    await formPost(emulator.current, "/oauth2/revoke", { token });
    expect(await client.closed).toEqual({ code: 4001, reason: "token_revoked" });
  });
});

describe("POST /__emulator/real-time/drop", () => {
  const emulator = useEmulator();

  it("ends every connection abruptly, and a reconnect works", async () => {
    const token = emulator.current.seedToken({ scopes: [READ] });
    const first = await connect(emulator.current, { access_token: token });
    const second = await connect(emulator.current, { access_token: token, ...plain });
    const response = await hook(emulator.current, "POST", "/real-time/drop", {});
    expect(await response.json()).toEqual({ dropped: 2 });
    expect((await first.closed).code).toBe(1006);
    expect((await second.closed).code).toBe(1006);
    expect(emulator.current.realTimeConnections()).toBe(0);
    const again = await connect(emulator.current, { access_token: token });
    expect(emulator.current.sendHeartRate(64)).toBe(1);
    expect(JSON.parse(await again.message(1)).data).toEqual({ heart_rate: 64 });
    again.socket.close();
  });
});

describe("POST /__emulator/heart-rate/pattern", () => {
  const emulator = useEmulator();

  it("sends resting readings at the interval until it is turned off", async () => {
    const token = emulator.current.seedToken({ scopes: [READ] });
    const client = await connect(emulator.current, { access_token: token });
    const response = await hook(emulator.current, "POST", "/heart-rate/pattern", { pattern: "rest", intervalMs: 25 });
    expect(await response.json()).toEqual({ pattern: "rest", intervalMs: 25 });
    await client.message(6);
    const times = client.messages.map((m) => JSON.parse(m).measured_at as number);
    const gaps = times.slice(1).map((t, i) => t - (times[i] as number));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(15);
    expect((times.at(-1) as number) - (times[0] as number)).toBeLessThan(25 * 5 * 4);
    for (const message of client.messages) {
      const bpm = JSON.parse(message).data.heart_rate;
      expect(bpm).toBeGreaterThanOrEqual(60);
      expect(bpm).toBeLessThanOrEqual(75);
    }
    await hook(emulator.current, "POST", "/heart-rate/pattern", { pattern: "off" });
    const count = client.messages.length;
    await pause(120);
    expect(client.messages.length).toBe(count);
    client.socket.close();
  });

  it("keeps each pattern reading as the latest", async () => {
    const token = emulator.current.seedToken({ scopes: [READ] });
    const client = await connect(emulator.current, { access_token: token, ...plain });
    await emulatorHooks(emulator.current.url).playHeartRatePattern("workout", 20);
    await client.message(3);
    emulator.current.playHeartRatePattern("off");
    const last = client.messages.at(-1);
    const latest = await apiCall(
      emulator.current,
      "/api/v1/data/heart_rate/latest?response_mode=text_plain_only_heart_rate",
      token,
    );
    expect(await latest.text()).toBe(last);
    client.socket.close();
  });

  it.each([
    [{ pattern: "jog" }, /pattern must be one of "rest", "workout", "off"/],
    [{ pattern: "rest", intervalMs: 10 }, /intervalMs must be a whole number of milliseconds from 20 to 60000/],
    [{}, /pattern must be one of/],
  ])("refuses %j", async (body, message) => {
    const response = await hook(emulator.current, "POST", "/heart-rate/pattern", body);
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(message);
  });

  it("does not keep the process alive", () => {
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;
    const before = timers();
    emulator.current.playHeartRatePattern("rest", 1000);
    expect(timers()).toBe(before);
    emulator.current.playHeartRatePattern("off");
  });
});

describe("POST /__emulator/reset", () => {
  const emulator = useEmulator();

  it("stops the pattern, ends the connections and forgets the latest reading", async () => {
    const token = emulator.current.seedToken({ scopes: [READ] });
    const client = await connect(emulator.current, { access_token: token });
    emulator.current.playHeartRatePattern("rest", 20);
    await client.message(1);
    await hook(emulator.current, "POST", "/reset", {});
    expect((await client.closed).code).toBe(1006);
    expect(emulator.current.realTimeConnections()).toBe(0);
    const fresh = emulator.current.seedToken({ scopes: [READ] });
    await pause(80);
    const latest = await apiCall(emulator.current, "/api/v1/data/heart_rate/latest", fresh);
    expect(latest.status).toBe(412);
  });
});

describe("real-time hooks over HTTP", () => {
  const emulator = useEmulator();

  it("offers sendHeartRate, dropRealTime, realTimeConnections and revokeToken", async () => {
    const hooks = emulatorHooks(emulator.current.url);
    const token = await hooks.seedToken({ scopes: [READ] });
    const client = await connect(emulator.current, { access_token: token, ...plain });
    expect(await hooks.realTimeConnections()).toBe(1);
    expect(await hooks.sendHeartRate(77)).toBe(1);
    expect(await client.message(1)).toBe("77");
    await hooks.revokeToken(token);
    expect((await client.closed).code).toBe(4001);
    const next = await connect(emulator.current, { access_token: await hooks.seedToken({ scopes: [READ] }) });
    expect(await hooks.dropRealTime()).toBe(1);
    await next.closed;
    await expect(hooks.revokeToken(token)).rejects.toThrow(/404/);
  });
});

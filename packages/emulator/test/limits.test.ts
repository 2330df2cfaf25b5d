import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../src/index.js";
import { apiCall, createBody, formPost, hook, useEmulator } from "./fixtures.js";

const MiB = 1024 * 1024;

/** a create body padded with spaces (still valid JSON) to exactly `bytes` bytes */
function paddedCreateBody(bytes: number): string {
  const json = JSON.stringify(createBody("padded"));
  return json + " ".repeat(bytes - json.length);
}

async function startDevice(emulator: Emulator): Promise<{ device_code: string; user_code: string }> {
  const response = await formPost(emulator, "/oauth2/device_authorization", { client_id: "c", scope: "widgets:read" });
  expect(response.status).toBe(200);
  return response.json();
}

/**
 * posts a chunked body (no Content-Length) of up to `maxBytes`, a chunk at a time, and stops sending as
 * soon as an answer arrives; resolves with the answer and how much was sent by then
 */
function postChunked(
  emulator: Emulator,
  path: string,
  token: string,
  maxBytes: number,
): Promise<{ status: number; body: string; sentBytes: number }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, emulator.url);
    const chunk = Buffer.alloc(64 * 1024, " ");
    let sentBytes = 0;
    let answered = false;
    const req = request(url, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    });
    req.on("response", (res) => {
      answered = true;
      const sentWhenAnswered = sentBytes;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (text: string) => {
        body += text;
      });
      res.on("end", () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body, sentBytes: sentWhenAnswered });
      });
    });
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const send = () => {
      while (!answered && sentBytes < maxBytes) {
        sentBytes += chunk.length;
        if (!req.write(chunk)) {
          req.once("drain", send);
          return;
        }
      }
      if (!answered) req.end();
    };
    send();
  });
}

describe("the request log limit", () => {
  const emulator = useEmulator({ maxLoggedRequests: 3 });

  it("keeps only the newest requests, dropping the oldest first", async () => {
    for (let n = 1; n <= 5; n += 1) await fetch(`${emulator.current.url}/activate?n=${n}`);
    const logged = await (await hook(emulator.current, "GET", "/requests")).json();
    expect(logged).toEqual(
      [3, 4, 5].map((n) => ({ method: "GET", path: "/activate", status: 200, query: { n: `${n}` } })),
    );
  });
});

describe("the request log by default", () => {
  const emulator = useEmulator();

  it("keeps the newest 1000 requests", async () => {
    for (let n = 1; n <= 1005; n += 1) await fetch(`${emulator.current.url}/activate?n=${n}`);
    const logged = emulator.current.requests();
    expect(logged).toHaveLength(1000);
    expect(logged[0]?.query).toEqual({ n: "6" });
    expect(logged[999]?.query).toEqual({ n: "1005" });
  });
});

describe("the device authorization limit", () => {
  const emulator = useEmulator({ maxDeviceAuthorizations: 2 });

  it("forgets the oldest device code once full", async () => {
    await hook(emulator.current, "POST", "/config", { deviceInterval: 0 });
    const [first, second, third] = [
      await startDevice(emulator.current),
      await startDevice(emulator.current),
      await startDevice(emulator.current),
    ];
    expect((await hook(emulator.current, "POST", `/devices/${first?.user_code}/approve`, {})).status).toBe(404);
    const poll = await formPost(emulator.current, "/oauth2/token", {
      grant_type: "urn:ietf:params:oauth:grant-type:device_code",
      device_code: first?.device_code ?? "",
      client_id: "c",
    });
    expect(await poll.json()).toMatchObject({ error: "invalid_grant" });
    expect((await hook(emulator.current, "POST", `/devices/${second?.user_code}/approve`, {})).status).toBe(200);
    expect((await hook(emulator.current, "POST", `/devices/${third?.user_code}/approve`, {})).status).toBe(200);
  });

  it("drops expired device codes before older live ones", async () => {
    const live = await startDevice(emulator.current);
    await hook(emulator.current, "POST", "/config", { deviceExpiresIn: 0 });
    const expired = await startDevice(emulator.current);
    await hook(emulator.current, "POST", "/config", { deviceExpiresIn: 600 });
    const newest = await startDevice(emulator.current);
    // the expired code is gone (404) instead of answered as expired (410)
    expect((await hook(emulator.current, "POST", `/devices/${expired.user_code}/approve`, {})).status).toBe(404);
    expect((await hook(emulator.current, "POST", `/devices/${live.user_code}/approve`, {})).status).toBe(200);
    expect((await hook(emulator.current, "POST", `/devices/${newest.user_code}/approve`, {})).status).toBe(200);
  });
});

describe("the device authorizations by default", () => {
  const emulator = useEmulator();

  it("keeps the newest 1000", async () => {
    const first = await startDevice(emulator.current);
    const second = await startDevice(emulator.current);
    for (let n = 3; n <= 1001; n += 1) await startDevice(emulator.current);
    expect((await hook(emulator.current, "POST", `/devices/${first.user_code}/approve`, {})).status).toBe(404);
    expect((await hook(emulator.current, "POST", `/devices/${second.user_code}/approve`, {})).status).toBe(200);
  });
});

describe("the request body limit", () => {
  const emulator = useEmulator();

  it("accepts a body of exactly 1 MiB and answers 413 with an error body to one byte more", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:update"] });
    const fits = await apiCall(emulator.current, "/api/v1/widgets", token, { body: paddedCreateBody(MiB) });
    expect(fits.status).toBe(200);
    const tooLarge = await apiCall(emulator.current, "/api/v1/widgets", token, { body: paddedCreateBody(MiB + 1) });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get("content-type")).toContain("application/json");
    expect(await tooLarge.json()).toEqual({ error_code: 4130, error_message: "request_body_too_large" });
    expect(emulator.current.widgets()).toHaveLength(1);
    expect(emulator.current.requests()).toEqual([
      { method: "POST", path: "/api/v1/widgets", status: 200, body: createBody("padded") },
      { method: "POST", path: "/api/v1/widgets", status: 413 },
    ]);
  });

  it("sends the error code as a string when configured so", async () => {
    emulator.current.configure({ errorCodeType: "string" });
    const token = emulator.current.seedToken({ scopes: ["widgets:update"] });
    const tooLarge = await apiCall(emulator.current, "/api/v1/widgets", token, { body: paddedCreateBody(2 * MiB) });
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toEqual({ error_code: "4130", error_message: "request_body_too_large" });
  });

  it("answers 413 to a test hook call over 1 MiB", async () => {
    const response = await fetch(`${emulator.current.url}/__emulator/profile`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ padding: "x".repeat(MiB) }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: "invalid_hook_request" });
    expect(await (await hook(emulator.current, "GET", "/profile")).json()).not.toHaveProperty("padding");
  });

  it("stops reading a chunked body once it passes 1 MiB, and keeps serving", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:read", "widgets:update"] });
    const answer = await postChunked(emulator.current, "/api/v1/widgets", token, 64 * MiB);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error_code: 4130, error_message: "request_body_too_large" });
    // answered long before the client could send everything it had
    expect(answer.sentBytes).toBeLessThan(16 * MiB);
    expect(emulator.current.requests()).toEqual([{ method: "POST", path: "/api/v1/widgets", status: 413 }]);
    expect((await apiCall(emulator.current, "/api/v1/widgets", token)).status).toBe(200);
  });
});

describe("startEmulator limits", () => {
  it.each([
    ["maxLoggedRequests", 0],
    ["maxDeviceAuthorizations", 1.5],
  ])("refuses %s = %s", async (name, value) => {
    await expect(startEmulator({ [name]: value })).rejects.toThrow(`${name} must be a whole number > 0`);
  });
});

describe("the request log's bodies", () => {
  const emulator = useEmulator();

  it("keeps a large body only by its size, so a full log stays small", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:update"] });
    const big = { ...createBody("big"), configuration: { font: "x".repeat(200 * 1024) } };
    const response = await apiCall(emulator.current, "/api/v1/widgets", token, { body: JSON.stringify(big) });
    expect(response.status).toBe(200);
    const [logged] = emulator.current.requests();
    expect(logged?.body).toMatch(/^\[a body of \d+ characters, not kept\]$/);
  });
});

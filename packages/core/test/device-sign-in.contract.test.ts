import { emulatorHooks } from "@pulsekit/emulator";
import { describe, expect, it } from "vitest";
import { createDeviceSignIn, createPulsoidClient, type DeviceSignInOptions, describeError } from "../src/index.js";
import { useEmulator } from "./emulator.js";
import { rejection } from "./reject.js";

const ctx = useEmulator();
const scopes = ["widgets:read", "widgets:update"];

/** a sleep that records the waits and returns at once, calling `onSleep` first */
function fakeSleep(onSleep: (ms: number, count: number) => void | Promise<void> = () => {}) {
  const waits: number[] = [];
  const sleep: DeviceSignInOptions["sleep"] = async (ms) => {
    waits.push(ms);
    await onSleep(ms, waits.length);
  };
  return { waits, sleep };
}

function signIn(options: Partial<DeviceSignInOptions> = {}) {
  return createDeviceSignIn({ clientId: "pulsekit-tests", scopes, oauthBaseUrl: ctx.emulator.url, ...options });
}

describe("device sign-in", () => {
  it("shows a code, polls until approved and yields a working token", async () => {
    ctx.emulator.configure({ deviceInterval: 0 });
    let userCode = "";
    const { sleep, waits } = fakeSleep(async (_ms, count) => {
      if (count === 2) await emulatorHooks(ctx.emulator.url).approveDevice(userCode);
    });
    const flow = signIn({ sleep });
    expect(flow.state).toBe("idle");
    const code = await flow.start();
    userCode = code.userCode;
    expect(flow.state).toBe("awaiting_approval");
    expect(code.verificationUriComplete).toContain(code.userCode);
    expect(code.expiresAt).toBeGreaterThan(Date.now());
    const result = await flow.waitForToken();
    expect(flow.state).toBe("approved");
    if (result.status !== "approved") throw new Error("expected approval");
    const validation = await createPulsoidClient({
      token: result.accessToken,
      baseUrl: ctx.emulator.url,
    }).validateToken();
    expect(validation.scopes).toEqual(scopes);
    expect(waits.length).toBe(2);
    const [authorize, ...polls] = ctx.emulator.requests().filter((request) => request.path.startsWith("/oauth2/"));
    expect(authorize).toMatchObject({ method: "POST", path: "/oauth2/device_authorization" });
    expect(authorize?.body).toMatchObject({ client_id: "pulsekit-tests", scope: "widgets:read,widgets:update" });
    expect(polls.map((poll) => poll.status)).toEqual([400, 200]);
    expect(polls[0]?.body).toMatchObject({ grant_type: "urn:ietf:params:oauth:grant-type:device_code" });
  });

  it("ends with a clear error when the user denies", async () => {
    ctx.emulator.configure({ deviceInterval: 0 });
    const flow = signIn({ sleep: fakeSleep().sleep });
    const code = await flow.start();
    await emulatorHooks(ctx.emulator.url).denyDevice(code.userCode);
    const error = await rejection(flow.waitForToken());
    expect(error.code).toBe("access_denied");
    expect(describeError(error)).toMatch(/denied/);
    expect(flow.state).toBe("failed");
  });

  it("waits 5 s more after slow_down", async () => {
    ctx.emulator.configure({ deviceInterval: 1 });
    // the fake sleep returns at once, so the second poll comes too early and is told to slow down
    const { sleep, waits } = fakeSleep((_ms, count) => {
      if (count === 3) flow.cancel();
    });
    const flow = signIn({ sleep });
    await flow.start();
    await expect(flow.waitForToken()).resolves.toEqual({ status: "cancelled" });
    expect(waits).toEqual([1000, 1000, 6000]);
    const polls = ctx.emulator.requests().filter((request) => request.path === "/oauth2/token");
    expect(polls.map((poll) => poll.status)).toEqual([400, 400]);
  });

  it("ends when the code expires", async () => {
    ctx.emulator.configure({ deviceInterval: 0, deviceExpiresIn: 1 });
    let clock = Date.now();
    const flow = signIn({
      sleep: fakeSleep(() => {
        clock += 2000;
      }).sleep,
      now: () => clock,
    });
    await flow.start();
    const error = await rejection(flow.waitForToken());
    expect(error.code).toBe("expired_token");
    expect(describeError(error)).toMatch(/expired/);
  });

  it("reports expired_token from Pulsoid", async () => {
    ctx.emulator.configure({ deviceInterval: 0, deviceExpiresIn: 1 });
    const flow = signIn({ sleep: () => new Promise((resolve) => setTimeout(resolve, 1100)) });
    await flow.start();
    const error = await rejection(flow.waitForToken());
    expect(error.code).toBe("expired_token");
  });

  it("resolves cancelled after cancel()", async () => {
    ctx.emulator.configure({ deviceInterval: 0 });
    const flow = signIn({ sleep: fakeSleep(() => flow.cancel()).sleep });
    await flow.start();
    await expect(flow.waitForToken()).resolves.toEqual({ status: "cancelled" });
    expect(flow.state).toBe("cancelled");
  });

  it("keeps polling through a network blip", async () => {
    ctx.emulator.configure({ deviceInterval: 0 });
    let userCode = "";
    const { sleep } = fakeSleep(async (_ms, count) => {
      if (count === 1) ctx.emulator.addFault({ path: "/oauth2/token", status: 503 });
      if (count === 2) await emulatorHooks(ctx.emulator.url).approveDevice(userCode);
    });
    const flow = signIn({ sleep });
    userCode = (await flow.start()).userCode;
    await expect(flow.waitForToken()).resolves.toMatchObject({ status: "approved" });
  });

  it("needs a client id", () => {
    expect(() => signIn({ clientId: " " })).toThrowError(/client id/);
  });

  it("reports an unknown device code as invalid_grant", async () => {
    ctx.emulator.configure({ deviceInterval: 0 });
    const flow = signIn({ sleep: fakeSleep(() => ctx.emulator.reset()).sleep });
    await flow.start();
    const error = await rejection(flow.waitForToken());
    expect(error.code).toBe("invalid_grant");
  });

  it("polls every 5 s when Pulsoid says interval 0", async () => {
    ctx.emulator.configure({ deviceInterval: 0 });
    const { sleep, waits } = fakeSleep((_ms, count) => {
      if (count === 2) flow.cancel();
    });
    const flow = signIn({ sleep });
    await flow.start();
    await flow.waitForToken();
    expect(waits[0]).toBe(5000);
  });

  /** a sign-in never approved, on a clock that moves only by the waits; resolves to the error and the waits */
  async function neverApproved(expiresIn: number) {
    ctx.emulator.configure({ deviceInterval: 5, deviceExpiresIn: expiresIn });
    let clock = Date.now();
    const { sleep, waits } = fakeSleep((ms) => {
      clock += ms;
    });
    const flow = signIn({ sleep, now: () => clock });
    await flow.start();
    return { error: await rejection(flow.waitForToken()), waits };
  }

  it("never sleeps past the code's expiry", async () => {
    const { error, waits } = await neverApproved(3);
    expect(error.code).toBe("expired_token");
    expect(waits.every((ms) => ms <= 3000)).toBe(true);
  });

  it("gives up after 15 minutes even when the code lives longer", async () => {
    const { error, waits } = await neverApproved(3600);
    expect(error.code).toBe("expired_token");
    expect(waits.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(15 * 60_000);
  });

  it("backs off when Pulsoid answers 503 or 429 instead of polling at the same pace", async () => {
    ctx.emulator.configure({ deviceInterval: 1 });
    ctx.emulator.addFault({ path: "/oauth2/token", status: 503, times: 2 });
    ctx.emulator.addFault({ path: "/oauth2/token", status: 429 });
    let userCode = "";
    const { sleep, waits } = fakeSleep(async (_ms, count) => {
      if (count === 4) await emulatorHooks(ctx.emulator.url).approveDevice(userCode);
    });
    const flow = signIn({ sleep });
    userCode = (await flow.start()).userCode;
    await expect(flow.waitForToken()).resolves.toMatchObject({ status: "approved" });
    expect(waits).toEqual([1000, 2000, 4000, 8000]);
  });
});

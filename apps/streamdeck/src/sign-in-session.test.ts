import { type DeviceSignIn, PulsoidError } from "@pulsekit/core";
import { describe, expect, it, vi } from "vitest";
import type { PluginMessage } from "./inspector-messages.js";
import { createSignInSession } from "./sign-in-session.js";

function fakeSignIn(result: Awaited<ReturnType<DeviceSignIn["waitForToken"]>> | Error): DeviceSignIn {
  return {
    state: "idle",
    start: async () => ({
      userCode: "ABCD-EFGH",
      verificationUri: "https://pulsoid.example/activate",
      verificationUriComplete: "https://pulsoid.example/activate?code=ABCD-EFGH",
      expiresAt: Date.now() + 600_000,
      intervalSeconds: 3,
    }),
    waitForToken: async () => {
      if (result instanceof Error) throw result;
      return result;
    },
    cancel: vi.fn(),
  };
}

function session(signIn: DeviceSignIn) {
  const messages: PluginMessage[] = [];
  const saveToken = vi.fn(async () => {});
  const openUrl = vi.fn(async () => {});
  const run = createSignInSession({
    create: async () => signIn,
    saveToken,
    openUrl,
    notify: (m) => messages.push(m),
    log: () => {},
  });
  return { run, messages, saveToken, openUrl };
}

describe("createSignInSession", () => {
  it("shows the user code, opens the verification page and stores the approved token", async () => {
    const { run, messages, saveToken, openUrl } = session(
      fakeSignIn({ status: "approved", accessToken: "tok", expiresIn: 100 }),
    );
    await run.start();
    expect(messages).toContainEqual({
      type: "signIn",
      state: "awaiting_approval",
      userCode: "ABCD-EFGH",
      verificationUri: "https://pulsoid.example/activate",
    });
    expect(openUrl).toHaveBeenCalledWith("https://pulsoid.example/activate?code=ABCD-EFGH");
    expect(saveToken).toHaveBeenCalledWith("tok");
  });

  it("tells the inspector why sign-in failed and stores nothing", async () => {
    const denied = new PulsoidError(
      "unauthorized",
      "Sign-in was denied on Pulsoid. Start sign-in again and choose Allow.",
    );
    const { run, messages, saveToken } = session(fakeSignIn(denied));
    await run.start();
    expect(messages.at(-1)).toEqual({ type: "signIn", state: "failed", detail: denied.message });
    expect(saveToken).not.toHaveBeenCalled();
  });

  it("reports a cancelled sign-in", async () => {
    const { run, messages, saveToken } = session(fakeSignIn({ status: "cancelled" }));
    await run.start();
    expect(messages.at(-1)).toMatchObject({ type: "signIn", state: "cancelled" });
    expect(saveToken).not.toHaveBeenCalled();
  });
});

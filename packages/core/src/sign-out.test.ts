import { describe, expect, it } from "vitest";
import { PulsoidError } from "./errors.js";
import type { CallOptions } from "./operation.js";
import { REVOKE_DEADLINE_MS, signOut } from "./sign-out.js";

function client(outcome: "ok" | PulsoidError) {
  const calls: (CallOptions | undefined)[] = [];
  return {
    calls,
    revokeToken: async (options?: CallOptions) => {
      calls.push(options);
      if (outcome !== "ok") throw outcome;
    },
  };
}

describe("signOut", () => {
  it("revokes first, then forgets, and hands back what forgetting said", async () => {
    const order: string[] = [];
    const fake = client("ok");
    const revokeToken = async (options?: CallOptions) => {
      order.push("revoke");
      await fake.revokeToken(options);
    };
    const result = await signOut({ revokeToken }, () => {
      order.push("forget");
      return "removed" as const;
    });
    expect(order).toEqual(["revoke", "forget"]);
    expect(result).toEqual({ removal: "removed" });
    expect(fake.calls[0]?.deadlineMs).toBe(REVOKE_DEADLINE_MS);
  });

  it("counts a token Pulsoid already refuses as revoked", async () => {
    const result = await signOut(client(new PulsoidError("unauthorized", "refused")), () => true);
    expect(result).toEqual({ removal: true });
  });

  it("still forgets when revoking fails, and says why it failed", async () => {
    const offline = new PulsoidError("network", "offline");
    let forgot = false;
    const result = await signOut(client(offline), async () => {
      forgot = true;
      return false;
    });
    expect(forgot).toBe(true);
    expect(result).toEqual({ removal: false, revokeError: offline });
  });

  it("passes the caller's deadline and signal to the revoke", async () => {
    const fake = client("ok");
    const signal = new AbortController().signal;
    await signOut(fake, () => undefined, { deadlineMs: 2000, signal });
    expect(fake.calls[0]).toEqual({ deadlineMs: 2000, signal });
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatRequestEvent, HIDDEN, redactSecrets } from "./log-text.js";

describe("formatRequestEvent", () => {
  it("shows method, path, status, rounded duration and a retry's attempt", () => {
    expect(
      formatRequestEvent({ method: "GET", path: "/api/v1/widgets", status: 200, durationMs: 12.4, attempt: 1 }),
    ).toBe("GET /api/v1/widgets -> 200 in 12 ms");
    expect(
      formatRequestEvent({ method: "POST", path: "/api/v1/widgets", errorKind: "network", durationMs: 3, attempt: 2 }),
    ).toBe("POST /api/v1/widgets -> network in 3 ms (attempt 2)");
    expect(formatRequestEvent({ method: "GET", path: "/x", durationMs: 0, attempt: 1 })).toBe(
      "GET /x -> no answer in 0 ms",
    );
  });
});

describe("redactSecrets", () => {
  it("hides a secret as it is and as it looks inside JSON", () => {
    const secret = 'ab"c\\d1234';
    const text = `token ${secret} json ${JSON.stringify({ t: secret })}`;
    const out = redactSecrets(text, [secret]);
    expect(out).not.toContain("1234");
    expect(out).toBe(`token ${HIDDEN} json {"t":"${HIDDEN}"}`);
  });

  it("hides what follows Bearer and token query parameters even when the secret is unknown", () => {
    expect(redactSecrets("Authorization: Bearer abc.def")).toBe("Authorization: Bearer [hidden]");
    expect(redactSecrets("GET /cb?code=1&access_token=xyz&device_code=d1")).toBe(
      "GET /cb?code=1&access_token=[hidden]&device_code=[hidden]",
    );
  });

  it("leaves text alone when a secret is too short to be one", () => {
    expect(redactSecrets("a b c", ["a"])).toBe("a b c");
  });

  it("never lets any secret of four or more characters through", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 4, maxLength: 40 }), fc.string(), fc.string(), (secret, before, after) => {
        const out = redactSecrets(`${before}${secret}${after}`, [secret]);
        expect(out.includes(secret)).toBe(false);
      }),
    );
  });
});

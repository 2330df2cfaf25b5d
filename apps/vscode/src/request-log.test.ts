import { describe, expect, it } from "vitest";
import { formatRequestEvent, redact } from "./request-log";

describe("request log", () => {
  it("writes method, path, status and duration", () => {
    expect(
      formatRequestEvent({ method: "POST", path: "/api/v1/widgets", status: 201, durationMs: 41.6, attempt: 1 }),
    ).toBe("POST /api/v1/widgets 201 42 ms");
  });

  it("names the error kind and the attempt when there was no answer", () => {
    expect(
      formatRequestEvent({
        method: "GET",
        path: "/api/v1/widgets",
        durationMs: 10_000,
        attempt: 2,
        errorKind: "timeout",
      }),
    ).toBe("GET /api/v1/widgets timeout 10000 ms (attempt 2)");
  });

  it("redacts known secrets, bearer values and token parameters", () => {
    const text = "sent Bearer abc.def token=s3cret-token&x=1 and s3cret-token again";
    const clean = redact(text, ["s3cret-token"]);
    expect(clean).not.toContain("s3cret-token");
    expect(clean).not.toContain("abc.def");
    expect(clean).toContain("x=1");
  });
});

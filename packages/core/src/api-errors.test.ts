import { describe, expect, it } from "vitest";
import { errorFromResponse, parseRetryAfter } from "./api-errors.js";
import { describeError, PulsoidError } from "./errors.js";

const documented: Array<[number, string, number, string]> = [
  [7001, "error_while_validating_token", 500, "server"],
  [7002, "error_while_validating_token", 500, "server"],
  [7003, "error_while_validating_token", 500, "server"],
  [7004, "error_while_validating_token", 500, "server"],
  [7005, "token_not_found", 403, "unauthorized"],
  [7006, "token_expired", 403, "unauthorized"],
  [7007, "premium_required", 402, "payment_required"],
  [7009, "error_authorization_header_is_not_present", 403, "unauthorized"],
  [7010, "error_authorization_header_has_wrong_format", 403, "unauthorized"],
  [7011, "error_invalid_scope", 400, "insufficient_scope"],
  [6001, "error_while_validating_token", 403, "unauthorized"],
  [6002, "error_retrieving_latest_heart_rate", 403, "server"],
  [6003, "error_invalid_scope", 400, "insufficient_scope"],
];

describe("errorFromResponse", () => {
  describe.each(documented)("error_code %i (%s)", (code, message, status, kind) => {
    it.each([
      ["a number", code],
      ["a string", String(code)],
    ])(`maps to ${kind} with the code given as %s`, (_label, errorCode) => {
      const error = errorFromResponse(status, { error_code: errorCode, error_message: message });
      expect(error.kind).toBe(kind);
      expect(error.code).toBe(String(code));
      expect(error.status).toBe(status);
      expect(error.message).toContain(message);
    });
  });

  it.each([7005, 7006, 7009, 7010])("treats %i as a refused token under 401 and 403 alike", (code) => {
    for (const status of [401, 403]) {
      const error = errorFromResponse(status, { error_code: code, error_message: "x" });
      expect(error.kind).toBe("unauthorized");
      expect(error.retryable).toBe(false);
      expect(error.message).toMatch(/Sign in again/);
    }
  });

  it.each([
    [401, "unauthorized", false],
    [403, "unauthorized", false],
    [402, "payment_required", false],
    [404, "not_found", false],
    [429, "rate_limited", true],
    [500, "server", true],
    [502, "server", true],
    [503, "server", true],
    [400, "invalid_input", false],
  ])("maps a bare HTTP %i to %s (retryable %s)", (status, kind, retryable) => {
    const error = errorFromResponse(status, undefined);
    expect(error.kind).toBe(kind);
    expect(error.retryable).toBe(retryable);
    expect(error.message).toContain(`HTTP ${status}`);
  });

  it("reads Retry-After on a 429 without a body", () => {
    const error = errorFromResponse(429, undefined, "7");
    expect(error.retryAfterMs).toBe(7000);
    expect(error.message).toContain("Wait 7 s");
  });

  it("says what to do for each kind", () => {
    expect(describeError(errorFromResponse(402, { error_code: 7007, error_message: "premium_required" }))).toMatch(
      /paid Pulsoid plan/,
    );
    expect(describeError(errorFromResponse(503, undefined))).toMatch(/Try again/);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds", () => expect(parseRetryAfter("2")).toBe(2000));
  it("reads an HTTP date", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:05 GMT", now)).toBe(5000);
  });
  it("caps long waits at a minute", () => expect(parseRetryAfter("3600")).toBe(60_000));
  it("ignores nonsense", () => expect(parseRetryAfter("soon")).toBeUndefined());
  it("treats a date in the past as no wait", () => expect(parseRetryAfter("Thu, 01 Jan 1970 00:00:00 GMT")).toBe(0));
});

describe("describeError", () => {
  it("adds a warning when a create may have gone through", () => {
    const error = new PulsoidError("timeout", "Pulsoid did not answer in time.", { mayHaveCreated: true });
    expect(describeError(error)).toMatch(/may have been created/);
  });

  it("does not leak a foreign error's message", () => {
    expect(describeError(new Error("Bearer 1234-secret"))).not.toContain("secret");
  });
});

import { PulsoidError } from "@pulsekit/core";
import { describe, expect, it } from "vitest";
import { errorActions, isTokenRefused } from "./error-actions";

describe("errorActions", () => {
  it("offers sign-in for a refused token and never treats a 5xx as refused", () => {
    const refused = new PulsoidError("unauthorized", "refused", { status: 401 });
    const server = new PulsoidError("server", "down", { status: 503 });
    expect(errorActions(refused, { canRetry: true })).toEqual(["Sign In Again", "Set Access Token"]);
    expect(isTokenRefused(refused)).toBe(true);
    expect(isTokenRefused(server)).toBe(false);
    expect(isTokenRefused(new PulsoidError("timeout", "slow"))).toBe(false);
  });

  it("offers Retry for passing failures and Open Settings when the address may be wrong", () => {
    expect(errorActions(new PulsoidError("server", "down", { status: 503 }), { canRetry: true })[0]).toBe("Retry");
    expect(errorActions(new PulsoidError("network", "offline"), { canRetry: true })).toEqual([
      "Retry",
      "Open Settings",
    ]);
    expect(errorActions(new PulsoidError("network", "offline"), { canRetry: false })).toEqual(["Open Settings"]);
  });

  it("offers the widget list instead of Retry when the widget may have been created", () => {
    const unclear = new PulsoidError("timeout", "slow", { mayHaveCreated: true, retryable: false });
    expect(errorActions(unclear, { canRetry: true })).toEqual(["Show Widgets"]);
  });

  it("offers nothing to retry for bad input", () => {
    expect(errorActions(new PulsoidError("invalid_input", "bad", { field: "name" }), { canRetry: true })).toEqual([]);
  });
});

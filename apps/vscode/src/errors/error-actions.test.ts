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

describe("errorActions for every next step", () => {
  it("names a button for each step core can give, and Retry only where retrying helps", () => {
    expect(errorActions(new PulsoidError("timeout", "stopped", { cancelled: true }), { canRetry: true })).toEqual([]);
    expect(errorActions(new PulsoidError("payment_required", "no plan"), { canRetry: true })).toEqual([]);
    expect(errorActions(new PulsoidError("not_found", "no such path"), { canRetry: true })).toEqual([
      "Retry",
      "Open Settings",
    ]);
    expect(errorActions(new PulsoidError("rate_limited", "busy"), { canRetry: false })).toEqual(["Show Log"]);
    expect(errorActions(new TypeError("boom"), { canRetry: true })).toEqual(["Retry", "Show Log"]);
  });

  it("sends a broken user preset to the settings", () => {
    const preset = new PulsoidError("invalid_input", "bad", { field: "presets[0].id" });
    expect(errorActions(preset, { canRetry: true })).toEqual(["Open Settings"]);
  });
});

import { describe, expect, it } from "vitest";
import { PulsoidError, type PulsoidErrorKind } from "./errors.js";
import { nextStep } from "./next-step.js";

const error = (kind: PulsoidErrorKind, details = {}) => new PulsoidError(kind, "sentence", details);

describe("nextStep", () => {
  it.each<[PulsoidErrorKind, string, boolean]>([
    ["unauthorized", "sign_in", false],
    ["insufficient_scope", "sign_in", false],
    ["payment_required", "upgrade_plan", false],
    ["invalid_input", "fix_input", false],
    ["network", "reconnect", true],
    ["not_found", "check_address", true],
    ["invalid_response", "check_address", true],
    ["timeout", "try_again", true],
    ["server", "try_again", true],
    ["rate_limited", "try_again", true],
  ])("%s: %s, retry %s", (kind, step, canRetry) => {
    expect(nextStep(error(kind))).toEqual({ step, canRetry });
  });

  it("a create that may have gone through says to check the list, never to retry, whatever the kind", () => {
    expect(nextStep(error("server", { mayHaveCreated: true }))).toEqual({ step: "check_widgets", canRetry: false });
    expect(nextStep(error("timeout", { mayHaveCreated: true }))).toEqual({ step: "check_widgets", canRetry: false });
  });

  it("a cancelled call asks for nothing, unless the create it stopped may have gone through", () => {
    expect(nextStep(error("timeout", { cancelled: true }))).toEqual({ step: "none", canRetry: false });
    expect(nextStep(error("timeout", { cancelled: true, mayHaveCreated: true }))).toEqual({
      step: "check_widgets",
      canRetry: false,
    });
  });

  it("bad input names its field", () => {
    expect(nextStep(error("invalid_input", { field: "configuration.heartColor" }))).toEqual({
      step: "fix_input",
      canRetry: false,
      field: "configuration.heartColor",
    });
  });

  it("an error PulseKit did not foresee can be tried again", () => {
    expect(nextStep(new TypeError("boom"))).toEqual({ step: "try_again", canRetry: true });
    expect(nextStep("a string")).toEqual({ step: "try_again", canRetry: true });
  });
});

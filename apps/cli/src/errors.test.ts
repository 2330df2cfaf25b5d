import { PulsoidError } from "@pulsekit/core";
import { describe, expect, it } from "vitest";
import { CliError } from "./cli-error.js";
import { errorJson, exitCodeFor, messageFor } from "./errors.js";
import { hideOptionValues } from "./program.js";

describe("exitCodeFor", () => {
  it.each([
    ["invalid_input", 2],
    ["unauthorized", 3],
    ["insufficient_scope", 3],
    ["payment_required", 1],
    ["not_found", 1],
    ["rate_limited", 1],
    ["server", 1],
    ["network", 1],
    ["timeout", 1],
    ["invalid_response", 1],
  ] as const)("maps %s to %i", (kind, code) => {
    expect(exitCodeFor(new PulsoidError(kind, "x"))).toBe(code);
  });
  it("uses a CliError's own code and 1 for anything unexpected", () => {
    expect(exitCodeFor(new CliError("no", 3))).toBe(3);
    expect(exitCodeFor(new TypeError("bug"))).toBe(1);
  });
});

describe("messageFor and errorJson", () => {
  it("gives an OBS failure's kind and the scenes OBS has", () => {
    const error = new CliError('OBS has no scene named "X".', 2, "scene", { kind: "unknown_scene", scenes: ["A"] });
    expect(errorJson(error)).toEqual({
      message: 'OBS has no scene named "X".',
      exitCode: 2,
      kind: "unknown_scene",
      field: "scene",
      scenes: ["A"],
    });
  });

  it("gives one sentence and the details a script needs, never a stack", () => {
    const error = new PulsoidError("invalid_input", "configuration.heartColor must be a colour.", {
      field: "configuration.heartColor",
    });
    expect(messageFor(error)).toBe("configuration.heartColor must be a colour.");
    expect(errorJson(error)).toEqual({
      message: "configuration.heartColor must be a colour.",
      exitCode: 2,
      kind: "invalid_input",
      nextStep: "fix_input",
      field: "configuration.heartColor",
    });
    expect(messageFor(new TypeError("x is undefined"))).not.toContain("\n");
  });
});

describe("nextStep in --json errors", () => {
  it.each([
    [new PulsoidError("unauthorized", "x"), "sign_in"],
    [new PulsoidError("insufficient_scope", "x"), "sign_in"],
    [new PulsoidError("payment_required", "x"), "upgrade_plan"],
    [new PulsoidError("network", "x"), "reconnect"],
    [new PulsoidError("not_found", "x"), "check_address"],
    [new PulsoidError("rate_limited", "x"), "try_again"],
    [new PulsoidError("timeout", "x", { mayHaveCreated: true }), "check_widgets"],
    [new PulsoidError("timeout", "x", { cancelled: true }), "none"],
  ])("tells a script what to do after %s", (error, step) => {
    expect(errorJson(error).nextStep).toBe(step);
  });

  it("is left out for the CLI's own errors and for anything unexpected", () => {
    expect(errorJson(new CliError("no", 3))).not.toHaveProperty("nextStep");
    expect(errorJson(new TypeError("bug"))).not.toHaveProperty("nextStep");
  });
});

describe("a create that may have reached Pulsoid, or was cancelled", () => {
  it("keeps exit code 1 and says mayHaveCreated in --json", () => {
    const error = new PulsoidError("timeout", "Pulsoid did not answer.", { mayHaveCreated: true });
    expect(exitCodeFor(error)).toBe(1);
    expect(errorJson(error)).toMatchObject({
      kind: "timeout",
      exitCode: 1,
      mayHaveCreated: true,
      nextStep: "check_widgets",
    });
  });

  it("exits 130 when the user cancelled", () => {
    const error = new PulsoidError("timeout", "Cancelled before Pulsoid answered.", { cancelled: true });
    expect(exitCodeFor(error)).toBe(130);
    expect(errorJson(error)).toMatchObject({ exitCode: 130, cancelled: true, nextStep: "none" });
    expect(errorJson(error).mayHaveCreated).toBeUndefined();
  });

  it("still exits 130 when the create it stopped may have gone through, and points to the widget list", () => {
    const error = new PulsoidError("timeout", "Cancelled before Pulsoid answered.", {
      cancelled: true,
      mayHaveCreated: true,
    });
    expect(exitCodeFor(error)).toBe(130);
    expect(errorJson(error)).toMatchObject({ exitCode: 130, nextStep: "check_widgets", mayHaveCreated: true });
  });
});

describe("hideOptionValues", () => {
  it("hides the value of an unknown --option=value", () => {
    expect(hideOptionValues("error: unknown option '--tokn=s3cret'")).toBe("error: unknown option '--tokn=…'");
    expect(hideOptionValues("error: unknown option '--json'")).toBe("error: unknown option '--json'");
  });
});

describe("messageFor", () => {
  it("removes the control characters Pulsoid's own message may carry, in plain and JSON errors", () => {
    const error = new PulsoidError("server", "Pulsoid failed (\u001b]0;owned\u0007oops\u009b2J). Try again.");
    expect(messageFor(error)).toBe("Pulsoid failed (oops). Try again.");
    expect(errorJson(error).message).toBe("Pulsoid failed (oops). Try again.");
  });
});

import { PulsoidError, type PulsoidErrorKind } from "@pulsekit/core";
import { OBS_ERROR_KINDS, ObsError } from "@pulsekit/obs";
import { describe, expect, it } from "vitest";
import {
  describeObsPlacement,
  describePressFailure,
  OBS_SUCCESS_TITLES,
  titleForError,
  titleForObsPlacement,
} from "./key-title.js";
import { NotSignedInError } from "./not-signed-in-error.js";
import { StepTimeoutError } from "./with-timeout.js";

describe("titleForError", () => {
  it.each<[PulsoidErrorKind, string]>([
    ["unauthorized", "Sign in"],
    ["insufficient_scope", "Sign in"],
    ["payment_required", "No plan"],
    ["network", "Offline"],
    ["timeout", "Retry"],
    ["server", "Retry"],
    ["rate_limited", "Retry"],
    ["invalid_response", "Retry"],
    ["not_found", "Retry"],
    ["invalid_input", "Settings"],
  ])("shows %s as %s", (kind, title) => {
    expect(titleForError(new PulsoidError(kind, "x"))).toBe(title);
  });

  it("says Check when the widget may exist already, whatever the failure", () => {
    expect(titleForError(new PulsoidError("timeout", "x", { mayHaveCreated: true }))).toBe("Check");
    expect(titleForError(new PulsoidError("server", "x", { mayHaveCreated: true }))).toBe("Check");
  });

  it("says Stopped when the press was cancelled", () => {
    expect(titleForError(new PulsoidError("timeout", "x", { cancelled: true }))).toBe("Stopped");
  });

  it("asks for sign-in when no token is stored", () => {
    expect(titleForError(new NotSignedInError())).toBe("Sign in");
  });

  it("says Retry when the app did not answer, or for anything unexpected", () => {
    expect(titleForError(new StepTimeoutError("Stream Deck", 3000))).toBe("Retry");
    expect(titleForError(new TypeError("boom"))).toBe("Retry");
  });

  it("keeps every title short enough for a key", () => {
    const kinds: PulsoidErrorKind[] = ["unauthorized", "payment_required", "network", "server", "invalid_input"];
    const errors = [
      ...kinds.map((kind) => new PulsoidError(kind, "x")),
      new PulsoidError("timeout", "x", { cancelled: true }),
      new PulsoidError("server", "x", { mayHaveCreated: true }),
    ];
    for (const error of errors) expect(titleForError(error).length).toBeLessThanOrEqual(9);
  });
});

describe("describePressFailure", () => {
  it("says what happened and what to do next", () => {
    expect(describePressFailure(new NotSignedInError())).toMatch(/Not signed in.*Sign in/);
    expect(describePressFailure(new StepTimeoutError("Stream Deck (plugin settings)", 3000))).toBe(
      "Stream Deck (plugin settings) did not answer within 3 s. Press the key again; if it keeps happening, restart the Stream Deck app.",
    );
    expect(
      describePressFailure(new PulsoidError("payment_required", "Pulsoid needs a paid plan. Upgrade and retry.")),
    ).toBe("Pulsoid needs a paid plan. Upgrade and retry.");
  });
});

describe("the OBS part of a press", () => {
  const result = { scene: "Gameplay", inputName: "Overlay", requests: 3 };
  const createTitles = [
    ...(["unauthorized", "payment_required", "network", "server", "invalid_input"] as PulsoidErrorKind[]).map((kind) =>
      titleForError(new PulsoidError(kind, "x")),
    ),
    titleForError(new PulsoidError("timeout", "x", { cancelled: true })),
    titleForError(new PulsoidError("server", "x", { mayHaveCreated: true })),
  ];

  it("says whether a new source was added or the one of the widget's name now shows it", () => {
    expect(titleForObsPlacement({ ok: true, result: { ...result, action: "created" } })).toBe("Added\nto OBS");
    expect(titleForObsPlacement({ ok: true, result: { ...result, action: "updated" } })).toBe("Updated\nin OBS");
    expect(describeObsPlacement({ ok: true, result: { ...result, action: "created" } })).toBe(
      'Added to OBS: the browser source "Overlay" in the scene "Gameplay".',
    );
    expect(describeObsPlacement({ ok: true, result: { ...result, action: "updated" } })).toMatch(
      /^Updated in OBS: .*"Overlay".*no second one/,
    );
  });

  it("names OBS in every failure title, apart from every create failure's, each short enough for a key", () => {
    const titles = OBS_ERROR_KINDS.map((kind) =>
      titleForObsPlacement({ ok: false, error: new ObsError(kind, "x", { address: "ws://127.0.0.1:4455" }) }),
    );
    expect(titles).toEqual(["No OBS", "OBS\npassword", "OBS\nscene?", "Old OBS", "OBS?", "No OBS", "OBS?"]);
    for (const title of [...titles, ...Object.values(OBS_SUCCESS_TITLES)]) {
      expect(title).toMatch(/OBS/);
      expect(createTitles).not.toContain(title);
      for (const line of title.split("\n")) expect(line.length).toBeLessThanOrEqual(9);
    }
    expect(titleForObsPlacement({ ok: false, error: new TypeError("boom") })).toBe("OBS?");
  });

  it("gives OBS's own sentence after saying the widget is not in OBS", () => {
    const error = new ObsError("unreachable", "Could not reach OBS at ws://127.0.0.1:4455. Start OBS.", {
      address: "ws://127.0.0.1:4455",
    });
    expect(describeObsPlacement({ ok: false, error })).toBe(
      "Not added to OBS. Could not reach OBS at ws://127.0.0.1:4455. Start OBS.",
    );
  });
});

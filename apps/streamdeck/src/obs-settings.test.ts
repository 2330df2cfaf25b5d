import { describe, expect, it } from "vitest";
import { checkObsUrl, OBS_PASSWORD_SOURCE, obsConnection, obsSetupMessage } from "./obs-settings.js";

describe("obsConnection", () => {
  it("uses OBS's default address and no password when none is saved", () => {
    expect(obsConnection({})).toEqual({
      url: "ws://127.0.0.1:4455",
      passwordSource: OBS_PASSWORD_SOURCE,
      deadlineMs: 5000,
    });
  });

  it("takes the saved address and password, and names the settings field for a wrong password", () => {
    expect(obsConnection({ obsUrl: " ws://192.168.1.5:4455 ", obsPassword: "hunter22" })).toMatchObject({
      url: "ws://192.168.1.5:4455",
      password: "hunter22",
    });
    expect(OBS_PASSWORD_SOURCE).toMatch(/Password field under OBS/);
  });
});

describe("obsSetupMessage", () => {
  it("tells the page whether a password is saved, never the password", () => {
    const message = obsSetupMessage({ obsUrl: "ws://10.0.0.2:4455", obsPassword: "canary-password-1" });
    expect(message).toEqual({
      type: "obsSetup",
      url: "ws://10.0.0.2:4455",
      defaultUrl: "ws://127.0.0.1:4455",
      passwordSaved: true,
    });
    expect(obsSetupMessage({})).toMatchObject({ url: "", passwordSaved: false });
  });

  it("takes a password out of an address another writer saved with one in it", () => {
    expect(obsSetupMessage({ obsUrl: "ws://user:canary@10.0.0.2:4455" }).url).toBe("ws://10.0.0.2:4455");
  });
});

describe("checkObsUrl", () => {
  it("takes ws:// and wss:// addresses, and empty for OBS's default", () => {
    expect(checkObsUrl(" ws://127.0.0.1:4455 ")).toEqual({ ok: true, value: "ws://127.0.0.1:4455" });
    expect(checkObsUrl("wss://obs.example:443")).toEqual({ ok: true, value: "wss://obs.example:443" });
    expect(checkObsUrl("")).toEqual({ ok: true, value: "" });
  });

  it("refuses other schemes and non-addresses, saying what an address looks like", () => {
    expect(checkObsUrl("http://127.0.0.1:4455")).toEqual({ ok: false, error: expect.stringMatching(/ws:\/\//) });
    expect(checkObsUrl("127.0.0.1:4455")).toMatchObject({ ok: false });
    expect(checkObsUrl("not an address")).toMatchObject({ ok: false });
  });

  it("refuses an address with a password in it, pointing to the Password field", () => {
    expect(checkObsUrl("ws://:secret@127.0.0.1:4455")).toEqual({
      ok: false,
      error: expect.stringMatching(/Password below/),
    });
  });
});

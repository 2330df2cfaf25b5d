import { describe, expect, it } from "vitest";
import { accountView } from "./account-view.js";

describe("accountView", () => {
  it("offers Sign in and the token when signed out with a client id, never Sign out", () => {
    expect(accountView("status", "signed_out", "settings")).toEqual({
      status: true,
      signIn: true,
      signOut: false,
      token: true,
      advanced: true,
      deviceCode: false,
    });
  });

  it("leads with the token when no client id is set: no Sign in that could only fail", () => {
    expect(accountView("status", "signed_out", "none")).toMatchObject({ signIn: false, token: true, advanced: true });
  });

  it("offers only Sign out when signed in, also while Pulsoid is unreachable", () => {
    for (const state of ["signed_in", "unreachable"] as const) {
      expect(accountView("status", state, "environment"), state).toMatchObject({
        signIn: false,
        signOut: true,
        token: false,
      });
    }
  });

  it("offers a new sign-in or token for a refused one", () => {
    expect(accountView("status", "refused", "settings")).toMatchObject({ signIn: true, signOut: false, token: true });
  });

  it("shows only the code, the link and Cancel while waiting for approval", () => {
    expect(accountView("awaiting_approval", "signed_out", "settings")).toEqual({
      status: false,
      signIn: false,
      signOut: false,
      token: false,
      advanced: false,
      deviceCode: true,
    });
  });

  it("shows only the status line while starting, checking or before the plugin answers", () => {
    const onlyStatus = {
      status: true,
      signIn: false,
      signOut: false,
      token: false,
      advanced: false,
      deviceCode: false,
    };
    expect(accountView("starting", "signed_out", "settings")).toEqual(onlyStatus);
    expect(accountView("status", "checking", "settings")).toEqual(onlyStatus);
    expect(accountView("waiting", undefined, "none")).toEqual(onlyStatus);
  });
});

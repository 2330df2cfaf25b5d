import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import type { PulseKitApi } from "../../../src/extension";
import {
  apiRequests,
  emulator,
  eventually,
  setTokenThroughUi,
  start,
  startEachTestFresh,
  type TestUi,
} from "./helpers";

describe("signing out while another token is stored", () => {
  let ui: TestUi;
  let api: PulseKitApi;
  startEachTestFresh({ signedIn: true }, (started) => ({ ui, api } = started));

  /** Sign Out with its revoke held for 3 s (and failing every retry), and Set Access Token storing a new token meanwhile */
  async function signOutWhileANewTokenIsSet(revokeFails: boolean): Promise<{ old: string; newer: string }> {
    const old = (await api.session())?.accessToken;
    assert.ok(old, "signed in before the test");
    await emulator.fault({
      method: "POST",
      path: "/oauth2/revoke",
      delayMs: 3000,
      ...(revokeFails ? { status: 503 } : {}),
    });
    // sign-out retries a failed revoke within its deadline: a failing Pulsoid fails every try
    if (revokeFails) await emulator.fault({ method: "POST", path: "/oauth2/revoke", status: 503, times: 20 });
    const signingOut = start("pulsekit.signOut");
    await eventually(
      async () => ((await apiRequests("POST", "/oauth2/revoke")).length > 0 ? true : undefined),
      "the revoke to reach Pulsoid",
    );
    const newer = await setTokenThroughUi(ui, ["widgets:read", "widgets:update"]);
    const [revoke] = await apiRequests("POST", "/oauth2/revoke");
    assert.equal(revoke?.status, null, "the new token was stored while the revoke was still on its way");
    await signingOut;
    return { old, newer };
  }

  it("keeps a token stored while the revoke was on its way", async () => {
    const { newer } = await signOutWhileANewTokenIsSet(false);
    assert.equal((await api.session())?.accessToken, newer);
    const done = await ui.waitForMessage((m) => /still signed in/.test(m.message));
    assert.match(done.message, /revoked/);
    assert.equal((await vscode.authentication.getAccounts("pulsoid")).length, 1);
    const [revoke] = await apiRequests("POST", "/oauth2/revoke");
    assert.equal(revoke?.status, 200);
  });

  it("keeps a token stored meanwhile also when the revoke fails", async () => {
    const { newer } = await signOutWhileANewTokenIsSet(true);
    assert.equal((await api.session())?.accessToken, newer);
    const done = await ui.waitForMessage((m) => /still signed in/.test(m.message));
    assert.match(done.message, /could not be reached/);
  });
});

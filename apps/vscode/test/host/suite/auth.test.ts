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
  typeAndEnter,
} from "./helpers";

describe("signing in", () => {
  let ui: TestUi;
  let api: PulseKitApi;
  startEachTestFresh({}, (started) => ({ ui, api } = started));

  it("Set Access Token checks the token with Pulsoid, then keeps it in secret storage", async () => {
    const token = await setTokenThroughUi(ui, ["widgets:read", "widgets:update"]);
    const done = await ui.waitForMessage((m) => m.message.startsWith("Signed in to Pulsoid"));
    assert.equal(done.severity, "info");
    assert.equal((await api.session())?.accessToken, token);
    assert.equal((await apiRequests("GET", "/api/v1/token/validate")).length, 1);
  });

  it("warns naming the missing scope and still saves the token", async () => {
    const token = await setTokenThroughUi(ui, ["widgets:read"]);
    const warning = await ui.waitForMessage((m) => m.severity === "warning" && /scope/.test(m.message));
    assert.match(warning.message, /missing the scope widgets:update/);
    assert.equal((await api.session())?.accessToken, token);
  });

  it("does not save a token Pulsoid refuses, and keeps the one already stored", async () => {
    const good = await setTokenThroughUi(ui, ["widgets:read", "widgets:update"]);
    const running = start("pulsekit.setToken");
    await typeAndEnter(await ui.nextInput<vscode.InputBox>(), "not-a-token-pulsoid-knows");
    await running;
    const error = await ui.waitForMessage((m) => m.severity === "error");
    assert.match(error.message, /refused this token, so it was not saved/);
    assert.equal((await api.session())?.accessToken, good);
  });

  it("keeps nothing when Pulsoid answers 503, and Retry saves the same token", async () => {
    await emulator.fault({ method: "GET", path: "/api/v1/token/validate", status: 503, times: 20 });
    ui.answer = async (m) => {
      if (m.severity !== "error") return undefined;
      assert.equal(await api.session(), undefined, "nothing is stored before Pulsoid accepted the token");
      await emulator.clearFaults();
      return m.actions.includes("Retry") ? "Retry" : undefined;
    };
    const token = await setTokenThroughUi(ui, ["widgets:read", "widgets:update"]);
    const error = await ui.waitForMessage((m) => m.severity === "error");
    assert.ok(error.actions.includes("Retry"), `actions were ${error.actions}`);
    assert.equal((await api.session())?.accessToken, token);
  });

  it("Sign In runs the device flow: opens the approval page, shows the code, stores the token when approved", async () => {
    const running = start("pulsekit.signIn");
    const codeMessage = await ui.waitForMessage((m) => /sign-in code is/.test(m.message));
    const userCode = /sign-in code is (\S+)/.exec(codeMessage.message)?.[1];
    assert.ok(userCode, codeMessage.message);
    assert.ok(codeMessage.actions.includes("Copy Code"));
    assert.equal(ui.copied.at(-1), userCode, "the code is copied to the clipboard");
    assert.equal(ui.opened.length, 1);
    assert.ok(ui.opened[0]?.startsWith(emulator.url()), `opened ${ui.opened[0]}`);
    assert.ok(ui.opened[0]?.includes(encodeURIComponent(userCode)), "opens verification_uri_complete");
    assert.equal(await api.session(), undefined, "nothing is stored before approval");
    await emulator.approve(userCode);
    await running;
    const session = await api.session();
    assert.ok(session, "the token is stored after approval");
    assert.deepEqual([...session.scopes].sort(), ["widgets:read", "widgets:update"]);
    await ui.waitForMessage((m) => m.message.startsWith("Signed in to Pulsoid as"));
    const accounts = await vscode.authentication.getAccounts("pulsoid");
    assert.equal(accounts.length, 1, "the account shows in the Accounts menu");
  });

  it("cancelling the sign-in stores nothing", async () => {
    const running = start("pulsekit.signIn");
    await ui.waitForMessage((m) => /sign-in code is/.test(m.message));
    await eventually(() => ui.opened.length > 0 || undefined, "the approval page to open");
    await new Promise((resolve) => setTimeout(resolve, 300));
    ui.cancelProgress();
    await running;
    await ui.waitForMessage((m) => /sign-in was cancelled/.test(m.message));
    assert.equal(await api.session(), undefined);
  });

  it("Sign Out revokes the token and deletes it", async () => {
    await setTokenThroughUi(ui, ["widgets:read", "widgets:update"]);
    await vscode.commands.executeCommand("pulsekit.signOut");
    assert.equal(await api.session(), undefined);
    assert.equal((await apiRequests("POST", "/oauth2/revoke")).length, 1);
    await ui.waitForMessage((m) => m.message.startsWith("Signed out of Pulsoid"));
    assert.equal((await vscode.authentication.getAccounts("pulsoid")).length, 0);
  });
});

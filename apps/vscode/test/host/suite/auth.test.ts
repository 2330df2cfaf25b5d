import * as assert from "node:assert/strict";
import { SIGN_IN_SCOPES } from "@pulsekit/core";
import * as vscode from "vscode";
import type { PulseKitApi } from "../../../src/extension";
import {
  apiRequests,
  choose,
  emulator,
  eventually,
  type ShownProgress,
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

  /** starts Sign In and returns the code its progress notification shows, with that notification */
  async function startSignIn(): Promise<{ running: Promise<unknown>; userCode: string; codeProgress: ShownProgress }> {
    const running = start("pulsekit.signIn");
    const codeProgress = await ui.waitForProgress(/sign-in code is/);
    const userCode = /sign-in code is (\S+)/.exec(codeProgress.messages.join(" "))?.[1];
    assert.ok(userCode, codeProgress.messages.join(" "));
    return { running, userCode, codeProgress };
  }

  it("Sign In runs the device flow: opens the approval page, shows the code, stores the token when approved", async () => {
    const { running, userCode, codeProgress } = await startSignIn();
    assert.equal(ui.copied.at(-1), userCode, "the code is copied to the clipboard");
    assert.equal(ui.opened.length, 1);
    assert.ok(ui.opened[0]?.startsWith(emulator.url()), `opened ${ui.opened[0]}`);
    assert.ok(ui.opened[0]?.includes(encodeURIComponent(userCode)), "opens verification_uri_complete");
    assert.ok(codeProgress.messages.join(" ").includes(`](${ui.opened[0]})`), "the page is a link in the notification");
    assert.equal(codeProgress.done, false, "the code stays on screen while the sign-in waits");
    assert.equal(await api.session(), undefined, "nothing is stored before approval");
    await emulator.approve(userCode);
    await running;
    const session = await api.session();
    assert.ok(session, "the token is stored after approval");
    assert.deepEqual([...session.scopes].sort(), [...SIGN_IN_SCOPES].sort());
    assert.ok(session.scopes.includes("profile:read"), "the sign-in asks for the profile, for the username");
    assert.equal(session.account.label, "emulator-user", "the account is named by its Pulsoid username");
    await ui.waitForMessage((m) => m.message.startsWith("Signed in to Pulsoid as emulator-user."));
    const accounts = await vscode.authentication.getAccounts("pulsoid");
    assert.deepEqual(
      accounts.map((account) => account.label),
      ["emulator-user"],
      "the Accounts menu shows the username",
    );
    assert.equal(codeProgress.done, true, "the notification with the code closed when the sign-in succeeded");
    assert.ok(!ui.messages.some((m) => m.message.includes(userCode)), "no other notification kept the code");
    const asked = await apiRequests("POST", "/oauth2/device_authorization");
    assert.equal(asked.length, 1);
  });

  it("cancelling the sign-in stores nothing and closes the code notification", async () => {
    const { running, codeProgress } = await startSignIn();
    await eventually(() => ui.opened.length > 0 || undefined, "the approval page to open");
    await new Promise((resolve) => setTimeout(resolve, 300));
    ui.cancelProgress();
    await running;
    await ui.waitForMessage((m) => /sign-in was cancelled/.test(m.message));
    assert.equal(await api.session(), undefined);
    assert.equal(codeProgress.done, true);
  });

  it("a sign-in denied on Pulsoid's page says so and closes the code notification", async () => {
    const { running, userCode, codeProgress } = await startSignIn();
    await emulator.deny(userCode);
    const error = await ui.waitForMessage((m) => m.severity === "error");
    assert.match(error.message, /denied/);
    assert.equal(codeProgress.done, true, "the code went away when the sign-in failed");
    await running;
    assert.equal(await api.session(), undefined);
  });

  it("names the account by the username Pulsoid's profile gives, and by the token when it cannot read the profile", async () => {
    await emulator.setProfile({ username: "night-owl" });
    await setTokenThroughUi(ui, ["widgets:read", "widgets:update", "profile:read"]);
    await ui.waitForMessage((m) => m.message.startsWith("Signed in to Pulsoid as night-owl."));
    assert.equal((await api.session())?.account.label, "night-owl");
    assert.deepEqual(
      (await vscode.authentication.getAccounts("pulsoid")).map((a) => a.label),
      ["night-owl"],
    );

    ui.messages.length = 0;
    await setTokenThroughUi(ui, ["widgets:read", "widgets:update"]);
    const label = (await api.session())?.account.label;
    assert.match(label ?? "", /^Pulsoid profile [0-9a-f-]{8}$/, "without profile:read the label comes from the token");
    assert.equal(
      (await apiRequests("GET", "/api/v1/profile")).length,
      1,
      "the profile is asked for only with profile:read",
    );
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

describe("signing in without an OAuth client ID", () => {
  let ui: TestUi;
  let api: PulseKitApi;
  let clientId: string | undefined;
  const config = () => vscode.workspace.getConfiguration("pulsekit");
  startEachTestFresh({}, (started) => ({ ui, api } = started));
  beforeEach(async () => {
    clientId = config().inspect<string>("oauthClientId")?.globalValue;
    await config().update("oauthClientId", "", vscode.ConfigurationTarget.Global);
  });
  afterEach(() => config().update("oauthClientId", clientId, vscode.ConfigurationTarget.Global));

  it("leads with the access token, says what a client ID is, and signs in with the token pasted", async () => {
    const token = await emulator.seedToken(["widgets:read", "widgets:update", "profile:read"]);
    const running = start("pulsekit.signIn");
    const ways = await ui.nextInput<vscode.QuickPick<vscode.QuickPickItem>>();
    const labels = ways.items.map((item) => item.label.replace(/^\$\([^)]+\) /, ""));
    assert.deepEqual(labels, [
      "Paste an access token",
      "Create a token at pulsoid.net/ui/keys",
      "Set up Sign In through the browser",
    ]);
    assert.match(ways.items[0]?.detail ?? "", /pulsoid\.net\/ui\/keys.*BRO plan/);
    const clientIdLine = ways.items[2]?.detail ?? "";
    assert.match(clientIdLine, /OAuth client ID/);
    assert.match(clientIdLine, /https:\/\/pulsoid\.net\/ui\/api-clients/);
    assert.match(clientIdLine, /pulsekit\.oauthClientId/);
    await choose(ways, "Paste an access token");
    const box = await ui.nextInput<vscode.InputBox>();
    assert.equal(box.password, true);
    await typeAndEnter(box, token);
    await running;
    assert.equal((await api.session())?.accessToken, token);
    await ui.waitForMessage((m) => m.message.startsWith("Signed in to Pulsoid as emulator-user."));
    assert.equal((await apiRequests("POST", "/oauth2/device_authorization")).length, 0, "no device sign-in was tried");
    assert.ok(!ui.messages.some((m) => m.severity === "error"), "nothing failed");
  });

  it("Create a token opens pulsoid.net/ui/keys, then asks for the token", async () => {
    const running = start("pulsekit.signIn");
    await choose(await ui.nextInput(), "Create a token");
    const box = await ui.nextInput<vscode.InputBox>();
    assert.deepEqual(ui.opened, ["https://pulsoid.net/ui/keys"]);
    await vscode.commands.executeCommand("workbench.action.closeQuickOpen");
    await running;
    assert.equal(box.password, true);
    assert.equal(await api.session(), undefined);
  });
});

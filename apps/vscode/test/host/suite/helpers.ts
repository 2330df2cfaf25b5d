// helpers for the in-host tests: the emulator's hooks, and a UI that records what the commands show
// while the real quick picks and input boxes stay on screen and are driven through VS Code commands
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import type { PulseKitApi } from "../../../src/extension";
import { createVscodeUi, type Severity, type Ui } from "../../../src/ui/ui";

export const EXTENSION_ID = "pulsekit.pulsekit-vscode";

/** a request the emulator logged */
export interface LoggedRequest {
  method: string;
  path: string;
  status: number | null;
  body?: unknown;
}

/** the emulator's /__emulator hooks */
export const emulator = {
  url: (): string => {
    const url = process.env.PULSEKIT_EMULATOR_URL;
    assert.ok(url, "PULSEKIT_EMULATOR_URL is not set for the extension host");
    return url;
  },
  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${emulator.url()}/__emulator${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    });
    const text = await response.text();
    assert.ok(response.ok, `emulator ${method} ${path} answered ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  },
  reset: () => emulator.call("POST", "/reset", {}),
  seedToken: async (scopes: string[]) => (await emulator.call<{ token: string }>("POST", "/tokens", { scopes })).token,
  seedWidgets: async (widgets: { name: string; meta_id: string; configuration: Record<string, unknown> }[]) =>
    (await emulator.call<{ widgets: { id: string; name: string }[] }>("POST", "/widgets", { widgets })).widgets,
  widgets: async () =>
    (
      await emulator.call<{ widgets: { id: string; name: string; configuration: Record<string, unknown> }[] }>(
        "GET",
        "/widgets",
      )
    ).widgets,
  requests: () => emulator.call<LoggedRequest[]>("GET", "/requests"),
  fault: (spec: Record<string, unknown>) => emulator.call("POST", "/faults", spec),
  clearFaults: () => emulator.call("DELETE", "/faults"),
  approve: (userCode: string) => emulator.call("POST", `/devices/${encodeURIComponent(userCode)}/approve`, {}),
  deny: (userCode: string) => emulator.call("POST", `/devices/${encodeURIComponent(userCode)}/deny`, {}),
  setProfile: (profile: Record<string, unknown>) => emulator.call("POST", "/profile", profile),
  /** sends a reading to every open real-time connection; resolves to how many it reached */
  sendHeartRate: async (bpm: number) =>
    (await emulator.call<{ sentTo: number }>("POST", "/heart-rate", { bpm })).sentTo,
  /** plays "rest" or "workout" readings every intervalMs, or stops with "off" */
  playHeartRate: (pattern: "rest" | "workout" | "off", intervalMs?: number) =>
    emulator.call("POST", "/heart-rate/pattern", { pattern, intervalMs }),
  /** ends every real-time connection at once, without a close frame */
  dropRealTime: async () => (await emulator.call<{ dropped: number }>("POST", "/real-time/drop", {})).dropped,
  /** how many real-time connections are open */
  realTimeConnections: async () => (await emulator.call<{ connections: number }>("GET", "/real-time")).connections,
  /** refuses the token from now on and closes its real-time connections */
  revokeToken: (token: string) => emulator.call("POST", `/tokens/${encodeURIComponent(token)}/revoke`, {}),
};

/** requests to the Pulsoid API (not the test hooks) with this method and path */
export async function apiRequests(method: string, path: string | RegExp): Promise<LoggedRequest[]> {
  const all = await emulator.requests();
  return all.filter((r) => r.method === method && (typeof path === "string" ? r.path === path : path.test(r.path)));
}

/** a message a command showed */
export interface ShownMessage {
  severity: Severity;
  message: string;
  actions: string[];
}

/** a progress notification a command showed: its title, each message it reported, and whether it closed */
export interface ShownProgress {
  title: string;
  messages: string[];
  done: boolean;
}

type Answer = (message: ShownMessage) => string | undefined | Promise<string | undefined>;

/**
 * the real UI with the notifications recorded and answered by the test, and every quick pick or
 * input box handed to the test once it is shown
 */
export class TestUi implements Ui {
  private readonly real = createVscodeUi();
  readonly messages: ShownMessage[] = [];
  readonly opened: string[] = [];
  readonly copied: string[] = [];
  readonly progresses: ShownProgress[] = [];
  private readonly inputs: vscode.QuickInput[] = [];
  private inputWaiters: ((input: vscode.QuickInput) => void)[] = [];
  private messageWaiters: { match: (m: ShownMessage) => boolean; resolve: (m: ShownMessage) => void }[] = [];
  private cancelSource = new vscode.CancellationTokenSource();
  /** answers notifications; dismissing (undefined) unless a test says otherwise */
  answer: Answer = () => undefined;

  /**
   * when true, quick picks report no active or selected item to the command, as in a remote window
   * (code-server, Remote-SSH) where the extension host hears of the highlighted item after the Enter
   */
  hostHearsLate = false;

  createQuickPick<T extends vscode.QuickPickItem>(): vscode.QuickPick<T> {
    const quickPick = this.watch(this.real.createQuickPick<T>());
    if (!this.hostHearsLate) return quickPick;
    return new Proxy(quickPick, {
      get(target, property) {
        if (property === "activeItems" || property === "selectedItems") return [];
        const value = Reflect.get(target, property, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
      set: (target, property, value) => Reflect.set(target, property, value, target),
    });
  }

  createInputBox(): vscode.InputBox {
    return this.watch(this.real.createInputBox());
  }

  private watch<I extends vscode.QuickInput>(input: I): I {
    const show = input.show.bind(input);
    input.show = () => {
      show();
      const waiter = this.inputWaiters.shift();
      if (waiter) waiter(input);
      else this.inputs.push(input);
    };
    return input;
  }

  async showMessage(severity: Severity, message: string, ...actions: string[]): Promise<string | undefined> {
    const shown = { severity, message, actions };
    this.messages.push(shown);
    for (const waiter of [...this.messageWaiters]) {
      if (waiter.match(shown)) {
        this.messageWaiters.splice(this.messageWaiters.indexOf(waiter), 1);
        waiter.resolve(shown);
      }
    }
    return this.answer(shown);
  }

  withProgress<R>(
    options: { title: string; cancellable: boolean },
    task: (progress: vscode.Progress<{ message?: string }>, token: vscode.CancellationToken) => Promise<R>,
  ): Promise<R> {
    this.cancelSource = new vscode.CancellationTokenSource();
    const testToken = this.cancelSource.token;
    const shown: ShownProgress = { title: options.title, messages: [], done: false };
    this.progresses.push(shown);
    return this.real
      .withProgress(options, (progress, token) => {
        const combined = new vscode.CancellationTokenSource();
        token.onCancellationRequested(() => combined.cancel());
        testToken.onCancellationRequested(() => combined.cancel());
        const recorded = {
          report(value: { message?: string }) {
            if (value.message) shown.messages.push(value.message);
            progress.report(value);
          },
        };
        return task(recorded, combined.token);
      })
      .finally(() => {
        // VS Code closes a progress notification when its task ends
        shown.done = true;
      });
  }

  /** the first progress notification (shown already or still to come) that reported a message matching */
  waitForProgress(match: RegExp, timeoutMs = 20_000): Promise<ShownProgress> {
    return eventually(
      () => this.progresses.find((p) => p.messages.some((message) => match.test(message))),
      `a progress notification matching ${match}`,
      timeoutMs,
    );
  }

  /** what pressing Cancel on the progress notification does */
  cancelProgress(): void {
    this.cancelSource.cancel();
  }

  async openExternal(url: string): Promise<boolean> {
    this.opened.push(url);
    return true;
  }

  async copyToClipboard(text: string): Promise<void> {
    this.copied.push(text);
    await this.real.copyToClipboard(text);
  }

  /** the next quick pick or input box the command shows */
  nextInput<I extends vscode.QuickInput = vscode.QuickPick<vscode.QuickPickItem>>(timeoutMs = 15_000): Promise<I> {
    const ready = this.inputs.shift();
    if (ready) return Promise.resolve(ready as I);
    return withTimeout(
      new Promise<I>((resolve) => this.inputWaiters.push((input) => resolve(input as I))),
      timeoutMs,
      "no quick input was shown",
    );
  }

  /** the first message (already shown or still to come) that matches */
  waitForMessage(match: (m: ShownMessage) => boolean, timeoutMs = 20_000): Promise<ShownMessage> {
    const seen = this.messages.find(match);
    if (seen) return Promise.resolve(seen);
    return withTimeout(
      new Promise<ShownMessage>((resolve) => this.messageWaiters.push({ match, resolve })),
      timeoutMs,
      "the expected message was not shown",
      () => `messages so far: ${JSON.stringify(this.messages.map((m) => m.message))}`,
    );
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string, detail?: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms. ${detail?.() ?? ""}`)), ms);
    }),
  ]);
}

/** waits until property changes made in the extension host reached the workbench */
export function settle(ms = 150): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** accepts the active item of the shown quick input, as pressing Enter does */
export async function pressEnter(): Promise<void> {
  await vscode.commands.executeCommand("workbench.action.acceptSelectedQuickOpenItem");
}

/** chooses the item whose label contains `label` in a shown quick pick */
export async function choose<T extends vscode.QuickPickItem>(
  quickPick: vscode.QuickPick<T>,
  label: string,
): Promise<T> {
  const item = quickPick.items.find((candidate) => candidate.label.includes(label));
  assert.ok(item, `no item "${label}" in ${JSON.stringify(quickPick.items.map((i) => i.label))}`);
  quickPick.activeItems = [item];
  // the extension host sends property changes to the workbench on a zero timeout: let them arrive first
  await settle();
  await pressEnter();
  return item;
}

/** types text into a shown input box and presses Enter */
export async function typeAndEnter(box: vscode.InputBox, text: string): Promise<void> {
  box.value = text;
  await settle();
  await pressEnter();
}

/** the extension's test seam, with the recording UI in place */
export async function useTestUi(): Promise<{ ui: TestUi; api: PulseKitApi; restore: () => void }> {
  const extension = vscode.extensions.getExtension<PulseKitApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  const api = await extension.activate();
  const ui = new TestUi();
  const restore = api.useUi(ui);
  return { ui, api, restore };
}

/** waits until `check` returns a value (polling), or fails with `what` */
export async function eventually<T>(
  check: () => Promise<T | undefined> | T | undefined,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** runs a command without waiting for it, and returns its promise for later */
export function start(command: string, ...args: unknown[]): Promise<unknown> {
  return Promise.resolve(vscode.commands.executeCommand(command, ...args));
}

/** signs out through the command if a session is stored, then empties the emulator */
export async function freshStart(ui: TestUi, api: PulseKitApi): Promise<void> {
  if (await api.session()) await vscode.commands.executeCommand("pulsekit.signOut");
  await emulator.reset();
  ui.messages.length = 0;
}

/**
 * for the tests of the calling describe: the extension with the test UI, signed out and the emulator emptied
 * before each test; `signedIn` then stores a token through Set Access Token. After each test the UI is
 * restored and quick picks and editors are closed. `use` receives what each test works with.
 */
export function startEachTestFresh(
  options: { signedIn?: boolean },
  use: (started: { ui: TestUi; api: PulseKitApi }) => void,
): void {
  let restore = () => {};
  beforeEach(async () => {
    const started = await useTestUi();
    restore = started.restore;
    use(started);
    await freshStart(started.ui, started.api);
    if (options.signedIn) {
      await setTokenThroughUi(started.ui, ["widgets:read", "widgets:update"]);
      started.ui.messages.length = 0;
    }
  });
  afterEach(async () => {
    restore();
    await vscode.commands.executeCommand("workbench.action.closeQuickOpen");
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
  });
}

/** Set Access Token through its real input box, with a token the emulator issued for these scopes */
export async function setTokenThroughUi(ui: TestUi, scopes: string[]): Promise<string> {
  const token = await emulator.seedToken(scopes);
  const running = start("pulsekit.setToken");
  const box = await ui.nextInput<vscode.InputBox>();
  assert.equal(box.password, true, "the token box must hide what is typed");
  await typeAndEnter(box, token);
  await running;
  return token;
}

import {
  createHeartRateSource,
  describeError,
  type HeartRateSource,
  type OpenWebSocket,
  openWebSocketWith,
} from "@pulsekit/core";
import * as vscode from "vscode";
import WebSocket from "ws";
import type { PulseKit } from "../kit";
import { ReadingStats, summarySentence } from "./reading-stats";
import { HEART_RATE_SETTING, heartRateShown, showHeartRate } from "./setting";
import { type HeartRateStatus, heartRateStatus, type StatusBarState } from "./status-text";

/** the status bar item as VS Code holds it: what the in-host tests read back */
export interface ShownHeartRate {
  text: string;
  tooltip: string;
  /** the theme colour id of the background, when it has one */
  backgroundColor?: string;
  /** the command a click runs */
  command?: string;
}

/** the live connection behind the item, for one token and API address */
interface Connection {
  token: string;
  sessionId: string;
  baseUrl: string;
  source: HeartRateSource;
  unsubscribe: () => void;
}

const REFUSALS = new Set<StatusBarState["state"]>(["token_refused", "missing_scope", "no_plan"]);

/**
 * the live heart rate in the status bar while the setting is on: it connects only while the item is shown,
 * and reconnects when the session or the API address changes
 */
export class HeartRateStatusBar implements vscode.Disposable {
  private item?: vscode.StatusBarItem;
  private connection?: Connection;
  private state: StatusBarState = { state: "signed_out" };
  private stats = new ReadingStats();
  private staleTicker?: ReturnType<typeof setInterval>;
  private queue: Promise<void> = Promise.resolve();
  private disposed = false;
  private readonly changes = new vscode.EventEmitter<ShownHeartRate | undefined>();
  /** fires each time the item changes, and with undefined when it goes away */
  readonly onDidChange = this.changes.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly kit: PulseKit,
    private readonly openWebSocket: OpenWebSocket = openWebSocketWith(WebSocket),
  ) {
    this.subscriptions = [
      this.changes,
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(HEART_RATE_SETTING) || event.affectsConfiguration("pulsekit.apiBaseUrl"))
          this.update();
      }),
      kit.onDidChangeSession(() => this.update()),
    ];
    this.update();
  }

  /** the item as shown, or undefined while it is hidden */
  shown(): ShownHeartRate | undefined {
    if (!this.item) return undefined;
    const background = this.item.backgroundColor as vscode.ThemeColor | undefined;
    return {
      text: this.item.text,
      tooltip: typeof this.item.tooltip === "string" ? this.item.tooltip : (this.item.tooltip?.value ?? ""),
      ...(background ? { backgroundColor: background.id } : {}),
      ...(typeof this.item.command === "string" ? { command: this.item.command } : {}),
    };
  }

  /** what a click on the item (Show Heart Rate) offers: the figures so far, or how to fix what stops it */
  async showSummary(): Promise<void> {
    if (!this.item) {
      const choice = await this.kit.ui.showMessage(
        "info",
        "The live heart rate is not in the status bar. Show it there to see your heart rate, and its minimum, average and maximum since then.",
        "Show in Status Bar",
      );
      if (choice === "Show in Status Bar") await showHeartRate(true);
      return;
    }
    const state = this.state;
    switch (heartRateStatus(state).click) {
      case "sign_in":
        return this.offerSignIn();
      case "problem":
        if ("error" in state && state.error)
          return this.kit.reportError(state.error, undefined, { aboutStoredToken: false });
        return;
      case "summary": {
        const now = state.state === "live" ? state.reading.bpm : undefined;
        const choice = await this.kit.ui.showMessage(
          "info",
          summarySentence(this.stats.summary(), now),
          "Hide from Status Bar",
        );
        if (choice === "Hide from Status Bar") await showHeartRate(false);
        return;
      }
    }
  }

  private async offerSignIn(): Promise<void> {
    const choice = await this.kit.ui.showMessage(
      "info",
      "Sign in to Pulsoid (or paste an access token) to see your live heart rate in the status bar.",
      "Sign In",
      "Set Access Token",
    );
    if (choice === "Sign In") await vscode.commands.executeCommand("pulsekit.signIn");
    else if (choice === "Set Access Token") await vscode.commands.executeCommand("pulsekit.setToken");
  }

  /** brings the item and the connection in line with the setting and the session, one change at a time */
  private update(): void {
    this.queue = this.queue.then(() => this.sync()).catch((error) => this.kit.log.error(describeError(error)));
  }

  private async sync(): Promise<void> {
    if (this.disposed || !heartRateShown()) return this.hide();
    if (!this.item) this.showItem();
    const session = await this.kit.currentSession();
    if (this.disposed || !heartRateShown()) return this.hide();
    if (!session) {
      this.disconnect();
      return this.render({ state: "signed_out" });
    }
    const { apiBaseUrl } = this.kit.settings();
    const open = this.connection;
    if (open && open.token === session.accessToken && open.baseUrl === apiBaseUrl) {
      // the same token saved again (Set Access Token after a refusal): ask Pulsoid once more
      if (open.sessionId !== session.id && REFUSALS.has(this.state.state)) open.source.retry();
      open.sessionId = session.id;
      return;
    }
    this.disconnect();
    this.connect(session, apiBaseUrl);
  }

  private connect(session: vscode.AuthenticationSession, baseUrl: string): void {
    const source = createHeartRateSource({
      token: session.accessToken,
      baseUrl,
      openWebSocket: this.openWebSocket,
      // validates through the kit's client, so each check shows in the Pulsoid output channel
      client: this.kit.client(session.accessToken),
    });
    const connection: Connection = {
      token: session.accessToken,
      sessionId: session.id,
      baseUrl,
      source,
      unsubscribe: () => {},
    };
    this.connection = connection;
    connection.unsubscribe = source.subscribe((state) => {
      // "stopped" is only ever the state before the first subscriber and after the last
      if (this.connection !== connection || state.state === "stopped") return;
      if (state.state === "live") this.stats.add(state.reading.bpm);
      this.logChange(state);
      if (state.state === "token_refused") void this.markRefused();
      this.render(state);
    });
  }

  private async markRefused(): Promise<void> {
    await this.kit.sessions.markRejected();
    this.kit.sessionChanged();
  }

  private logChange(state: StatusBarState): void {
    if (state.state === this.state.state) return;
    if (state.state === "reconnecting")
      this.kit.log.info(
        `Heart rate: the live stream dropped; connecting again in ${Math.ceil(state.retryInMs / 1000)} s`,
      );
    else if (state.state === "live" && this.state.state !== "connecting")
      this.kit.log.info("Heart rate: readings arrive again");
    else if ("error" in state && state.error && REFUSALS.has(state.state))
      this.kit.log.error(`Heart rate: ${describeError(state.error)}`);
  }

  private showItem(): void {
    const item = vscode.window.createStatusBarItem("pulsekit.heartRate", vscode.StatusBarAlignment.Right, 100);
    item.name = "Pulsoid Heart Rate";
    item.command = "pulsekit.showHeartRate";
    this.item = item;
    this.stats = new ReadingStats();
    this.render({ state: "connecting" });
    item.show();
  }

  private render(state: StatusBarState): void {
    this.state = state;
    clearInterval(this.staleTicker);
    this.staleTicker = undefined;
    const item = this.item;
    if (!item) return;
    if (state.state === "stale") {
      // core says stale once; the tooltip's "no reading for 25 s" keeps counting
      const since = Date.now() - state.silentForMs;
      this.staleTicker = setInterval(() => {
        if (this.state === state) this.apply(item, heartRateStatus({ ...state, silentForMs: Date.now() - since }));
      }, 1000);
    }
    this.apply(item, heartRateStatus(state));
  }

  private apply(item: vscode.StatusBarItem, status: HeartRateStatus): void {
    item.text = status.text;
    item.tooltip = status.tooltip;
    item.accessibilityInformation = { label: status.accessibleLabel };
    item.backgroundColor = status.backgroundColor ? new vscode.ThemeColor(status.backgroundColor) : undefined;
    this.changes.fire(this.shown());
  }

  private disconnect(): void {
    const open = this.connection;
    this.connection = undefined;
    open?.unsubscribe();
  }

  private hide(): void {
    this.disconnect();
    clearInterval(this.staleTicker);
    this.staleTicker = undefined;
    this.state = { state: "signed_out" };
    if (!this.item) return;
    this.item.dispose();
    this.item = undefined;
    this.changes.fire(undefined);
  }

  dispose(): void {
    this.disposed = true;
    this.hide();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

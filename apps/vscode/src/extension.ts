// the activation bundle (dist/extension.cjs): registers the commands and the authentication provider and
// returns; the code behind them (core, zod, ofetch, the flows) is dist/commands.cjs, loaded on first use
import * as vscode from "vscode";
import { PULSOID_AUTH_ID, PulsoidAuthenticationProvider } from "./auth/auth-provider";
import { SessionStore, type StoredSession } from "./auth/session-store";
import { COMMAND_IDS, type CommandId } from "./command-ids";
import type { Commands } from "./commands";
import { type ContextKey, ContextKeys } from "./context-keys";
import type { ShownHeartRate } from "./heart-rate/heart-rate-status-bar";
import { HEART_RATE_SETTING, heartRateShown } from "./heart-rate/setting";
import type { KitParts } from "./kit";
import { ObsPasswordStore } from "./obs/obs-password-store";
import { RequestLogger } from "./request-logger";
import { createVscodeUi, type Ui } from "./ui/ui";
import { LazyTreeDataProvider } from "./view/lazy-tree";
import type { WidgetNode } from "./view/widget-node";
import { DraftStore } from "./widgets/draft-store";

// set by the bundle's first and last lines, so the activation time includes evaluating the bundle
declare const __pulsekitLoadStarted: number | undefined;
declare const __pulsekitLoadEnded: number | undefined;

/** what activate returns: the activation time, and in test mode only the seam the in-host tests use */
export interface PulseKitApi {
  /** milliseconds from the start of evaluating the bundle to the end of activate */
  activationMs: number;
  /** replaces the UI the commands use; returns a function that restores the real one (test mode only) */
  useUi(ui: Ui): () => void;
  /** the stored session (test mode only) */
  session(): Promise<StoredSession | undefined>;
  /** the context keys as the extension last set them (test mode only) */
  contextKeys(): Partial<Record<ContextKey, boolean>>;
  /** the Pulsoid view's rows as VS Code gets them: each row and its tree item (test mode only) */
  widgetRows(): Promise<{ row: WidgetNode; item: vscode.TreeItem }[]>;
  /** fires when the Pulsoid view is told to load its rows again (test mode only) */
  onDidChangeWidgetRows: vscode.Event<unknown>;
  /** the rows selected in the Pulsoid view (test mode only) */
  widgetSelection(): readonly WidgetNode[];
  /** where this extension writes its logs and keeps its global storage (test mode only) */
  hostFolders(): { logUri: vscode.Uri; globalStorageUri: vscode.Uri };
  /** the heart-rate status bar item as shown (undefined while hidden), and its changes (test mode only) */
  heartRateStatusBar(): Promise<{
    shown(): ShownHeartRate | undefined;
    onDidChange: vscode.Event<ShownHeartRate | undefined>;
  }>;
}

/** called by VS Code the first time one of the Pulsoid commands runs (or another extension asks for a Pulsoid session) */
export function activate(context: vscode.ExtensionContext): PulseKitApi | { activationMs: number } {
  const activateStarted = performance.now();
  const realUi = createVscodeUi();
  // the session is checked with zod, which lives in the commands bundle: the first read loads it
  const sessions = new SessionStore(context.secrets, async (raw) =>
    (await commands().catch(() => undefined))?.parseSession(raw),
  );
  const sessionChanges = new vscode.EventEmitter<void>();
  const contextKeys = new ContextKeys();
  // the one reader of the session: other extensions (through vscode.authentication) and our commands ask it
  const provider = new PulsoidAuthenticationProvider(
    sessions,
    sessionChanges.event,
    context.secrets,
    async () => (await commands()).signIn(),
    async () => (await commands()).signOut(),
    (signedIn) => contextKeys.set("pulsekit.signedIn", signedIn),
  );
  // the view is registered now; what fills it loads with the commands the first time it is shown
  const widgetTree = new LazyTreeDataProvider<WidgetNode>(async () => (await commands()).widgetTree);
  const widgetView = vscode.window.createTreeView<WidgetNode>("pulsekit.widgets", { treeDataProvider: widgetTree });
  const log = new RequestLogger();
  const parts: KitParts = {
    ui: realUi,
    log,
    sessions,
    auth: provider,
    drafts: new DraftStore(context.globalState),
    // only whether one is kept is read now, for the palette's Forget OBS Password
    obsPassword: new ObsPasswordStore(
      context.secrets,
      (secret) => log.forget(secret),
      (stored) => contextKeys.set("pulsekit.obsPasswordStored", stored),
    ),
    storageUri: context.globalStorageUri,
    sessionChanges,
    contextKeys,
    widgetView,
    subscriptions: context.subscriptions,
  };
  const commands = loadOnFirstUse(parts);
  const runCommand = async (id: CommandId, args: unknown[]) => {
    // a failed load was shown already: the command then ends quietly
    const loaded = await commands().catch(() => undefined);
    return loaded?.run(id, args);
  };
  context.subscriptions.push(
    parts.log,
    parts.obsPassword,
    parts.sessionChanges,
    provider,
    widgetTree,
    widgetView,
    vscode.authentication.registerAuthenticationProvider(PULSOID_AUTH_ID, "Pulsoid", provider, {
      supportsMultipleAccounts: false,
    }),
    ...COMMAND_IDS.map((id) => vscode.commands.registerCommand(id, (...args: unknown[]) => runCommand(id, args))),
    // the heart rate's status bar item lives in the commands bundle: it loads once the setting is on
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(HEART_RATE_SETTING) && heartRateShown()) void commands().catch(() => undefined);
    }),
  );
  // on at start-up: the item comes with the commands bundle, loaded once activate has returned
  if (heartRateShown()) setTimeout(() => void commands().catch(() => undefined), 0);
  const activated = performance.now();
  const started = typeof __pulsekitLoadStarted === "number" ? __pulsekitLoadStarted : activateStarted;
  const evaluated = typeof __pulsekitLoadEnded === "number" ? __pulsekitLoadEnded : activateStarted;
  const activationMs = tenths(activated - started);
  // VS Code calls activate once the extension's context (its storage) is ready too, which may take longer
  parts.log.info(
    `PulseKit activated in ${activationMs} ms (evaluating the bundle ${tenths(evaluated - started)} ms, waiting for VS Code to call activate ${tenths(activateStarted - evaluated)} ms, activate ${tenths(activated - activateStarted)} ms)`,
  );
  // other extensions can read an extension's exports: the UI seam exists only when VS Code runs tests
  if (context.extensionMode !== vscode.ExtensionMode.Test) return { activationMs };
  return {
    activationMs,
    session: () => sessions.read(),
    contextKeys: () => contextKeys.snapshot(),
    async widgetRows() {
      const rows = await widgetTree.getChildren();
      return Promise.all(rows.map(async (row) => ({ row, item: await widgetTree.getTreeItem(row) })));
    },
    onDidChangeWidgetRows: widgetTree.onDidChangeTreeData,
    widgetSelection: () => widgetView.selection,
    hostFolders: () => ({ logUri: context.logUri, globalStorageUri: context.globalStorageUri }),
    heartRateStatusBar: async () => (await commands()).heartRate,
    useUi(ui) {
      parts.ui = ui;
      return () => {
        parts.ui = realUi;
      };
    },
  };
}

/** the commands, loaded (dist/commands.cjs) by the first call and kept; a load that failed is tried again next time */
function loadOnFirstUse(parts: KitParts): () => Promise<Commands> {
  let loading: Promise<Commands> | undefined;
  return () => {
    loading ??= (async () => {
      const started = performance.now();
      try {
        // the build keeps this import out of the activation bundle and turns it into require("./commands.cjs")
        const { createCommands } = await import("./commands");
        const commands = createCommands(parts);
        parts.log.info(`PulseKit loaded its commands in ${tenths(performance.now() - started)} ms`);
        return commands;
      } catch (error) {
        loading = undefined;
        const reason = error instanceof Error ? error.message : String(error);
        parts.log.error(`PulseKit could not load its commands: ${reason}`);
        void parts.ui.showMessage(
          "error",
          `PulseKit could not load its commands (${reason.split("\n")[0]}). Reinstall PulseKit for Pulsoid, then reload the window.`,
        );
        throw error;
      }
    })();
    return loading;
  };
}

function tenths(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/** nothing to release beyond the subscriptions */
export function deactivate(): void {}

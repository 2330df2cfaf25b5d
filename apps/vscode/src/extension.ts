import * as vscode from "vscode";
import { PULSOID_AUTH_ID, PulsoidAuthenticationProvider } from "./auth/auth-provider";
import { SessionStore, type StoredSession } from "./auth/session-store";
import { signIn } from "./auth/sign-in";
import { signOut } from "./auth/sign-out";
import { registerCommands } from "./commands";
import { PulseKit } from "./kit";
import { RequestLogger } from "./request-logger";
import { createVscodeUi, type Ui } from "./ui/ui";
import { DraftStore } from "./widgets/draft-store";

// set by the bundle banner before any module loads, so activation time includes loading
declare const __pulsekitLoadStarted: number | undefined;

/** what activate returns: the activation time, and in test mode only the seam the in-host tests use */
export interface PulseKitApi {
  /** milliseconds from loading the bundle to the end of activate */
  activationMs: number;
  /** replaces the UI the commands use; returns a function that restores the real one (test mode only) */
  useUi(ui: Ui): () => void;
  /** the stored session (test mode only) */
  session(): Promise<StoredSession | undefined>;
}

/** called by VS Code the first time one of the Pulsoid commands runs (or another extension asks for a Pulsoid session) */
export function activate(context: vscode.ExtensionContext): PulseKitApi | { activationMs: number } {
  const activateStarted = performance.now();
  const log = new RequestLogger();
  const realUi = createVscodeUi();
  const kit = new PulseKit(
    realUi,
    log,
    new SessionStore(context.secrets),
    new DraftStore(context.globalState),
    context.globalStorageUri,
  );
  const provider = new PulsoidAuthenticationProvider(
    kit,
    context.secrets,
    () => signIn(kit),
    () => signOut(kit),
  );
  context.subscriptions.push(
    log,
    kit,
    provider,
    vscode.authentication.registerAuthenticationProvider(PULSOID_AUTH_ID, "Pulsoid", provider, {
      supportsMultipleAccounts: false,
    }),
    ...registerCommands(kit),
  );
  const started = typeof __pulsekitLoadStarted === "number" ? __pulsekitLoadStarted : performance.now();
  const activationMs = Math.round((performance.now() - started) * 10) / 10;
  const loadMs = Math.round((activateStarted - started) * 10) / 10;
  log.info(`PulseKit activated in ${activationMs} ms (loading the bundle ${loadMs} ms)`);
  // other extensions can read an extension's exports: the UI seam exists only when VS Code runs tests
  if (context.extensionMode !== vscode.ExtensionMode.Test) return { activationMs };
  return {
    activationMs,
    session: () => kit.sessions.read(),
    useUi(ui) {
      kit.ui = ui;
      return () => {
        kit.ui = realUi;
      };
    },
  };
}

/** nothing to release beyond the subscriptions */
export function deactivate(): void {}

import { type DeviceSignIn, describeError } from "@pulsekit/core";
import type { PluginMessage } from "./inspector-messages.js";

/** one device-flow sign-in at a time, driven from the property inspector */
export interface SignInSession {
  /** starts a new sign-in (cancelling one that runs); resolves when it ends */
  start(): Promise<void>;
  /** stops waiting for approval */
  cancel(): void;
}

/** what a sign-in session needs from the plugin */
export type SignInSessionOptions = {
  /** a fresh core device sign-in for the current endpoints */
  create: () => Promise<DeviceSignIn>;
  /** stores the approved token in the global settings */
  saveToken: (token: string) => Promise<void>;
  /** opens the verification page in the user's browser */
  openUrl: (url: string) => Promise<void>;
  /** tells the property inspector */
  notify: (message: PluginMessage) => void;
  log: (line: string) => void;
  /** the sentence for a failed sign-in; core's describeError unless the plugin words it for its page */
  describeFailure?: (error: unknown) => string;
};

/** a sign-in session over the core's device flow */
export function createSignInSession(options: SignInSessionOptions): SignInSession {
  let current: DeviceSignIn | undefined;
  return {
    cancel() {
      current?.cancel();
      current = undefined;
    },
    async start() {
      current?.cancel();
      options.notify({ type: "signIn", state: "starting" });
      let signIn: DeviceSignIn | undefined;
      try {
        signIn = await options.create();
        current = signIn;
        const started = await signIn.start();
        if (current !== signIn) return;
        options.notify({
          type: "signIn",
          state: "awaiting_approval",
          userCode: started.userCode,
          verificationUri: started.verificationUri,
        });
        options.log("sign-in: waiting for approval in the browser");
        await options.openUrl(started.verificationUriComplete);
        const result = await signIn.waitForToken();
        if (result.status === "cancelled") {
          options.notify({
            type: "signIn",
            state: "cancelled",
            detail: "Sign-in cancelled. Choose Sign in to start again.",
          });
          return;
        }
        await options.saveToken(result.accessToken);
        options.log("sign-in: approved, token stored in the plugin's global settings");
      } catch (error) {
        const detail = (options.describeFailure ?? describeError)(error);
        options.log(`sign-in failed: ${detail}`);
        if (current === signIn) options.notify({ type: "signIn", state: "failed", detail });
      } finally {
        if (current === signIn) current = undefined;
      }
    },
  };
}

import {
  createDeviceSignIn,
  createHeartRateSource,
  createPulsoidClient,
  describeError,
  formatRequestEvent,
  type HeartRateSource,
  type OpenWebSocket,
  type PulsoidClient,
  type PulsoidClientOptions,
  redactSecrets,
  SIGN_IN_SCOPES,
  signOut,
} from "@pulsekit/core";
import { isObsError, listObsScenes } from "@pulsekit/obs";
import { type Endpoints, pluginEndpoints } from "./endpoints.js";
import type { GlobalSettings } from "./global-settings.js";
import { createGlobalSettingsStore } from "./global-settings-store.js";
import type { InspectorRequest, PluginMessage } from "./inspector-messages.js";
import { NotSignedInError } from "./not-signed-in-error.js";
import { checkObsUrl, type ObsConnection, obsConnection, obsSetupMessage } from "./obs-settings.js";
import { describeSignInFailure } from "./sign-in-failure.js";
import { createSignInSession } from "./sign-in-session.js";
import {
  CHECKING_STATUS,
  keptNewerToken,
  SIGNED_OUT_STATUS,
  signedOutUnconfirmed,
  tokenStatus,
} from "./token-status.js";
import { StepTimeoutError } from "./with-timeout.js";

/** the Pulsoid account of the plugin: the one module that reads, saves and clears the token and the OBS password */
export interface Account {
  /** a ready client for the stored token; NotSignedInError when none is stored */
  client(): Promise<PulsoidClient>;
  /** where OBS is and its password, ready for @pulsekit/obs */
  obs(): Promise<ObsConnection>;
  /** writes a line to the plugin's log with the token and the OBS password hidden */
  log(line: string): void;
  /** answers a property inspector's request (status, sign-in, a pasted token, sign-out, OBS); never throws */
  answer(request: InspectorRequest): Promise<void>;
  /** global settings the app sent (didReceiveGlobalSettings) */
  received(raw: unknown): void;
  /** asks the app for the settings, so the first press need not wait for them */
  load(): Promise<void>;
  /**
   * the live heart rate for the stored token and API host: the same source while neither changes, a new one
   * after; undefined when no token is stored
   */
  heartRate(): Promise<HeartRateSource | undefined>;
  /** hears when the token or the API host changed (a sign-in, a pasted token, a sign-out, another writer) */
  onChange(listener: () => void): void;
}

/** what the account needs from the host */
export type AccountOptions = {
  /** the app's getGlobalSettings */
  request: () => Promise<unknown>;
  /** the app's setGlobalSettings */
  save: (settings: GlobalSettings) => Promise<void>;
  /** how long to wait for the app to hand over the settings */
  timeoutMs: number;
  env: Record<string, string | undefined>;
  /** tells the open property inspector */
  notify: (message: PluginMessage) => void;
  /** whether a property inspector is open: nobody to tell otherwise, and no reason to call Pulsoid */
  inspectorOpen: () => boolean;
  /** opens a page in the user's browser */
  openUrl: (url: string) => Promise<void>;
  log: (line: string) => void;
  /** opens the real-time WebSocket with the token in a header (Node: the ws package) */
  openWebSocket: OpenWebSocket;
  /** silence after which the live number counts as old; core's default when not given */
  staleAfterMs?: number;
};

/** the account over the plugin's global settings */
export function createAccount(options: AccountOptions): Account {
  const { env, notify } = options;
  const store = createGlobalSettingsStore(options);
  // every token handed to a client here (the stored one, a pasted one and one being revoked alike) and every OBS password
  const secrets = new Set<string>();
  /** writes a line to the log with every secret hidden: an error's text may quote what was sent */
  const log = (line: string) => {
    const password = store.peek()?.obsPassword;
    if (password) secrets.add(password);
    options.log(redactSecrets(line, secrets));
  };
  // the status follows the store, except while an account request runs: that request reports its own outcome
  let running = 0;

  const clientOptions = (token: string, settings: GlobalSettings): PulsoidClientOptions => {
    secrets.add(token);
    return {
      token,
      baseUrl: pluginEndpoints(settings, env).apiBaseUrl,
      onRequest: (event) => log(formatRequestEvent(event)),
    };
  };

  let cached: { token: string; baseUrl: string; client: PulsoidClient } | undefined;
  /** the client for these settings, made once per token and host */
  const clientFor = (settings: GlobalSettings): PulsoidClient | undefined => {
    const { token } = settings;
    if (!token) return undefined;
    const baseUrl = pluginEndpoints(settings, env).apiBaseUrl;
    if (cached?.token !== token || cached.baseUrl !== baseUrl) {
      // a key answers fast and the user presses again; the core still never leaves two widgets
      cached = { token, baseUrl, client: createPulsoidClient({ ...clientOptions(token, settings), retry: false }) };
    }
    return cached.client;
  };

  let live: { token: string; baseUrl: string; source: HeartRateSource } | undefined;
  /** the live heart rate for these settings, made once per token and host; the token goes in a header */
  const heartRateFor = (settings: GlobalSettings): HeartRateSource | undefined => {
    const { token } = settings;
    if (!token) return undefined;
    const baseUrl = pluginEndpoints(settings, env).apiBaseUrl;
    if (live?.token !== token || live.baseUrl !== baseUrl) {
      const client = createPulsoidClient({ ...clientOptions(token, settings), retry: false, deadlineMs: 10_000 });
      const source = createHeartRateSource({
        token,
        baseUrl,
        client,
        openWebSocket: options.openWebSocket,
        ...(options.staleAfterMs ? { staleAfterMs: options.staleAfterMs } : {}),
      });
      live = { token, baseUrl, source };
    }
    return live.source;
  };

  // what the live heart rate depends on, as last announced
  const changeListeners = new Set<() => void>();
  const sourceKey = (settings: GlobalSettings | undefined) =>
    settings ? `${settings.token ?? ""}\n${pluginEndpoints(settings, env).apiBaseUrl}` : undefined;
  let announced = sourceKey(store.peek());
  /** tells the listeners when the token or the host changed since they last heard */
  const announce = () => {
    const now = sourceKey(store.peek());
    if (now === announced) return;
    announced = now;
    for (const listener of [...changeListeners]) listener();
  };
  /** the store's update, then the news for the live heart rate */
  const update = async (change: (current: GlobalSettings) => GlobalSettings | undefined) => {
    try {
      return await store.update(change);
    } finally {
      announce();
    }
  };

  /** tells the open inspector how sign-in is set up: the API host and the OAuth client id (never the token) */
  function reportSetup(settings: GlobalSettings): void {
    if (!options.inspectorOpen()) return;
    const { apiBaseUrl, clientId, clientIdSource } = pluginEndpoints(settings, env);
    notify({ type: "setup", apiBaseUrl, clientId: clientId ?? "", clientIdSource });
  }

  async function reportStatus(): Promise<void> {
    if (!options.inspectorOpen()) return;
    const client = clientFor(await store.get());
    if (!client) return notify(SIGNED_OUT_STATUS);
    notify(CHECKING_STATUS);
    notify(await tokenStatus(client));
  }

  const storeToken = (token: string) => update((current) => ({ ...current, token }));

  // the endpoints the running sign-in started with, so a failure names the client id it used
  let signInEndpoints: Endpoints = pluginEndpoints({}, env);
  const signIn = createSignInSession({
    create: async () => {
      const endpoints = pluginEndpoints(await store.get(), env);
      signInEndpoints = endpoints;
      // with no client id core refuses at once; describeFailure points to the Client ID field
      return createDeviceSignIn({
        clientId: endpoints.clientId ?? "",
        scopes: SIGN_IN_SCOPES,
        oauthBaseUrl: endpoints.oauthBaseUrl,
      });
    },
    saveToken: async (token) => {
      await storeToken(token);
      await reportStatus();
    },
    openUrl: options.openUrl,
    notify,
    log,
    describeFailure: (error) => describeSignInFailure(error, signInEndpoints),
  });

  /** stores the OAuth client id the page's Client ID field holds; empty removes it */
  async function setClientId(clientId: string): Promise<void> {
    await update((current) => {
      const { oauthClientId: _old, ...rest } = current;
      return clientId ? { ...rest, oauthClientId: clientId } : rest;
    });
    log(clientId ? "OAuth client id saved to the plugin's global settings" : "OAuth client id removed");
    reportSetup(await store.get());
  }

  /** stores a pasted token once Pulsoid accepts it; a refused or unchecked token is not stored */
  async function saveToken(token: string): Promise<void> {
    notify(CHECKING_STATUS);
    const candidate = createPulsoidClient({ ...clientOptions(token, await store.get()), retry: false });
    const status = await tokenStatus(candidate);
    if (status.state !== "signed_in") {
      log(`token not saved: ${status.headline}`);
      notify({ type: "requestFailed", request: "saveToken", detail: `Not saved. ${status.detail}` });
      return reportStatus();
    }
    await storeToken(token);
    log("token saved to the plugin's global settings");
    notify({ type: "tokenSaved" });
    notify(status);
  }

  /** revokes the stored token, then deletes it, but only if it is still the one revoked */
  async function signOutStoredToken(): Promise<void> {
    signIn.cancel();
    const before = await store.read();
    const token = before.token;
    if (!token) return notify(SIGNED_OUT_STATUS);
    // a blip is retried within core's revoke deadline, so the inspector does not wait long
    const client = createPulsoidClient(clientOptions(token, before));
    // another sign-in may have stored a new token meanwhile: read again and delete only the one revoked
    const { removal: removed, revokeError } = await signOut(client, () =>
      update((current) => {
        if (current.token !== token) return undefined;
        const { token: _revoked, ...rest } = current;
        return rest;
      }),
    );
    if (!removed) {
      log("signed out: the stored token changed meanwhile, so it was kept");
      const newer = clientFor(await store.get());
      return notify(newer ? keptNewerToken(await tokenStatus(newer)) : SIGNED_OUT_STATUS);
    }
    if (revokeError === undefined) {
      log("signed out: token revoked and removed from the plugin's global settings");
      return notify(SIGNED_OUT_STATUS);
    }
    log(`signed out: token removed, but revoking it failed: ${describeError(revokeError)}`);
    notify(signedOutUnconfirmed(revokeError));
  }

  /** tells the open inspector the OBS address and whether a password is saved */
  async function reportObsSetup(): Promise<void> {
    if (options.inspectorOpen()) notify(obsSetupMessage(await store.get()));
  }

  /** lists the scenes of the OBS the settings point at, for the key's Scene field, or says why it could not */
  async function reportObsScenes(): Promise<void> {
    const connection = obsConnection(await store.get());
    try {
      const { scenes, currentProgramScene } = await listObsScenes(connection);
      notify({ type: "obsScenes", scenes, ...(currentProgramScene === undefined ? {} : { currentProgramScene }) });
    } catch (error) {
      if (!isObsError(error)) throw error;
      log(`OBS scenes not listed: ${error.message}`);
      notify({ type: "obsFailed", kind: error.kind, detail: error.message });
    }
  }

  /** stores OBS's address and, when one was typed, its password, then tries them; a bad address is not stored */
  async function saveObs(url: string, password: string | undefined): Promise<void> {
    const checked = checkObsUrl(url);
    if (!checked.ok) return notify({ type: "requestFailed", request: "saveObs", detail: checked.error });
    if (password) secrets.add(password);
    await update((current) => {
      const { obsUrl: _old, ...rest } = current;
      return {
        ...rest,
        ...(checked.value ? { obsUrl: checked.value } : {}),
        ...(password ? { obsPassword: password } : {}),
      };
    });
    log(`OBS address saved${password ? ", and a new OBS password" : ""}`);
    await reportObsSetup();
    await reportObsScenes();
  }

  async function forgetObsPassword(): Promise<void> {
    await update((current) => {
      if (!current.obsPassword) return undefined;
      const { obsPassword: _forgotten, ...rest } = current;
      return rest;
    });
    log("OBS password removed from the plugin's global settings");
    await reportObsSetup();
  }

  async function run(request: InspectorRequest): Promise<void> {
    switch (request.type) {
      case "getStatus":
        reportSetup(await store.get());
        return reportStatus();
      case "setClientId":
        return setClientId(request.clientId);
      case "signIn":
        // runs until approved, denied or expired; the inspector hears about each step
        void signIn.start();
        return;
      case "cancelSignIn":
        signIn.cancel();
        return;
      case "saveToken":
        return saveToken(request.token);
      case "signOut":
        return signOutStoredToken();
      case "saveObs":
        return saveObs(request.url, request.password);
      case "forgetObsPassword":
        return forgetObsPassword();
      case "getObsSetup":
        return reportObsSetup();
      case "listObsScenes":
        return reportObsScenes();
    }
  }

  return {
    async client() {
      const client = clientFor(await store.get());
      if (!client) throw new NotSignedInError();
      return client;
    },
    async obs() {
      const settings = await store.get();
      if (settings.obsPassword) secrets.add(settings.obsPassword);
      return obsConnection(settings);
    },
    log,
    async answer(request) {
      running++;
      try {
        await run(request);
      } catch (error) {
        const detail = describeFailure(error);
        log(`inspector request ${request.type} failed: ${detail}`);
        notify({ type: "requestFailed", request: request.type, detail });
        // the status line may still say Checking… or Signing out…
        if (request.type !== "getStatus") await reportStatus().catch(() => {});
      } finally {
        running--;
      }
    },
    received(raw) {
      const previous = store.peek();
      const before = previous?.token;
      const settings = store.received(raw);
      if (previous?.oauthClientId !== settings.oauthClientId || previous?.apiBaseUrl !== settings.apiBaseUrl) {
        reportSetup(settings);
      }
      if (settings.obsPassword) secrets.add(settings.obsPassword);
      if (previous?.obsUrl !== settings.obsUrl || previous?.obsPassword !== settings.obsPassword) {
        reportObsSetup().catch(() => {});
      }
      announce();
      // e.g. a token stored by another writer: tell the open inspector whether Pulsoid accepts it
      if (running === 0 && settings.token !== before) {
        reportStatus().catch((error) => log(`status check failed: ${describeError(error)}`));
      }
    },
    async load() {
      await store.get();
    },
    async heartRate() {
      const settings = await store.get();
      announce();
      return heartRateFor(settings);
    },
    onChange(listener) {
      changeListeners.add(listener);
    },
  };
}

/** what went wrong with an account request, and what to do */
function describeFailure(error: unknown): string {
  if (error instanceof StepTimeoutError) {
    return `${error.message} Try again; if it keeps happening, restart the Stream Deck app.`;
  }
  return describeError(error);
}

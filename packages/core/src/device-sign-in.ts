import * as z from "zod";
import { PulsoidError } from "./errors.js";
import { httpContext, sendRequest } from "./http.js";
import { startOperation } from "./operation.js";
import { DEFAULT_OAUTH_URL, secureBaseUrl } from "./urls.js";

/** where a device sign-in stands */
export type DeviceSignInState = "idle" | "starting" | "awaiting_approval" | "approved" | "cancelled" | "failed";

/** what the user needs to approve the sign-in */
export interface DeviceCode {
  userCode: string;
  verificationUri: string;
  verificationUriComplete: string;
  /** epoch milliseconds */
  expiresAt: number;
  intervalSeconds: number;
}

/** how a sign-in ended when it did not fail */
export type DeviceSignInResult =
  | { status: "approved"; accessToken: string; expiresIn: number }
  | { status: "cancelled" };

/** what the device flow needs: the app's OAuth client and the scopes to ask for */
export interface DeviceSignInOptions {
  clientId: string;
  scopes: readonly string[];
  oauthBaseUrl?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** waits between polls; replaceable in tests */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  now?: () => number;
}

/** the OAuth device authorization flow (RFC 8628) as a small state machine any app can drive */
export interface DeviceSignIn {
  readonly state: DeviceSignInState;
  /** asks Pulsoid for a user code */
  start(): Promise<DeviceCode>;
  /** polls until the user approves, denies, or the code expires; resolves `cancelled` after cancel() */
  waitForToken(): Promise<DeviceSignInResult>;
  /** stops polling */
  cancel(): void;
}

const authorizationSchema = z.object({
  device_code: z.string().min(1),
  user_code: z.string().min(1),
  verification_uri: z.string().min(1),
  verification_uri_complete: z.string().optional(),
  expires_in: z.number().positive(),
  interval: z.number().nonnegative().optional(),
});

const tokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.number().optional() });
const oauthErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

const SLOW_DOWN_SECONDS = 5;
/** RFC 8628's default poll interval, used when Pulsoid sends none (or 0) */
const DEFAULT_INTERVAL_SECONDS = 5;
/** the fastest this client polls, whatever the server says */
const MIN_INTERVAL_MS = 1000;
/** the longest a backed-off poll interval grows to */
const MAX_INTERVAL_MS = 60_000;
/** the longest a sign-in waits for approval, even when the code lives longer */
export const MAX_SIGN_IN_WAIT_MS = 15 * 60_000;

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}

function oauthFailure(error: string, description?: string): PulsoidError {
  const details = { code: error, retryable: false };
  switch (error) {
    case "access_denied":
      return new PulsoidError(
        "unauthorized",
        "Sign-in was denied on Pulsoid. Start sign-in again and choose Allow.",
        details,
      );
    case "expired_token":
      return new PulsoidError(
        "timeout",
        "The sign-in code expired before it was approved. Start sign-in again.",
        details,
      );
    case "invalid_grant":
      return new PulsoidError(
        "unauthorized",
        "Pulsoid no longer accepts this sign-in code. Start sign-in again.",
        details,
      );
    case "invalid_client":
    case "unauthorized_client":
      return new PulsoidError(
        "invalid_input",
        "Pulsoid does not accept this app's OAuth client id. Check the client id setting, or set an access token instead.",
        { ...details, field: "clientId" },
      );
    default:
      return new PulsoidError(
        "invalid_response",
        `Pulsoid refused the sign-in (${description ?? error}). Start sign-in again, or set an access token instead.`,
        details,
      );
  }
}

/** creates a device sign-in; nothing is sent until start() */
export function createDeviceSignIn(options: DeviceSignInOptions): DeviceSignIn {
  if (typeof options.clientId !== "string" || options.clientId.trim() === "") {
    throw new PulsoidError(
      "invalid_input",
      "clientId is missing: sign-in needs a Pulsoid OAuth client id. Set one in the settings, or set an access token instead.",
      { field: "clientId" },
    );
  }
  const context = httpContext({
    baseUrl: secureBaseUrl(options.oauthBaseUrl ?? DEFAULT_OAUTH_URL, "oauthBaseUrl"),
    timeoutMs: options.timeoutMs ?? 10_000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const sleep = options.sleep ?? abortableSleep;
  const now = options.now ?? Date.now;
  const controller = new AbortController();
  let state: DeviceSignInState = "idle";
  let code: (DeviceCode & { deviceCode: string }) | undefined;

  const fail = (error: PulsoidError): never => {
    state = "failed";
    throw error;
  };

  async function start(): Promise<DeviceCode> {
    if (state !== "idle") throw new PulsoidError("invalid_input", "This sign-in has already started. Start a new one.");
    state = "starting";
    try {
      const response = await sendRequest(context, {
        method: "POST",
        path: "/oauth2/device_authorization",
        form: { client_id: options.clientId, scope: options.scopes.join(",") },
      });
      const error = oauthErrorSchema.safeParse(response.body);
      if (response.status >= 400 && error.success)
        return fail(oauthFailure(error.data.error, error.data.error_description));
      const parsed = authorizationSchema.safeParse(response.body);
      if (response.status >= 400 || !parsed.success) {
        return fail(
          new PulsoidError(
            response.status >= 500 ? "server" : "invalid_response",
            `Pulsoid could not start the sign-in (HTTP ${response.status}). Try again in a moment.`,
            { status: response.status },
          ),
        );
      }
      const data = parsed.data;
      code = {
        deviceCode: data.device_code,
        userCode: data.user_code,
        verificationUri: data.verification_uri,
        verificationUriComplete: data.verification_uri_complete ?? data.verification_uri,
        expiresAt: now() + data.expires_in * 1000,
        intervalSeconds: data.interval ? data.interval : DEFAULT_INTERVAL_SECONDS,
      };
      state = controller.signal.aborted ? "cancelled" : "awaiting_approval";
      const { deviceCode: _secret, ...visible } = code;
      return visible;
    } catch (error) {
      if (state === "starting") state = "failed";
      throw error;
    }
  }

  async function poll(
    deviceCode: string,
    deadline: number,
  ): Promise<DeviceSignInResult | "pending" | "slow_down" | "back_off"> {
    let response: Awaited<ReturnType<typeof sendRequest>>;
    const operation = startOperation({ signal: controller.signal }, Math.max(1, deadline - now()));
    try {
      response = await sendRequest(
        context,
        {
          method: "POST",
          path: "/oauth2/token",
          form: {
            grant_type: "urn:ietf:params:oauth:grant-type:device_code",
            device_code: deviceCode,
            client_id: options.clientId,
          },
        },
        operation,
      );
    } catch (error) {
      if (controller.signal.aborted) return "pending";
      // a blip while the user is approving is no reason to give up: poll again, less often
      if (error instanceof PulsoidError && (error.retryable || error.kind === "timeout")) return "back_off";
      throw error;
    } finally {
      operation.end();
    }
    if (response.status === 200) {
      const token = tokenSchema.safeParse(response.body);
      if (!token.success) {
        return fail(
          new PulsoidError("invalid_response", "Pulsoid approved the sign-in but sent no usable token. Try again."),
        );
      }
      return { status: "approved", accessToken: token.data.access_token, expiresIn: token.data.expires_in ?? 0 };
    }
    const error = oauthErrorSchema.safeParse(response.body);
    if (error.success && error.data.error === "authorization_pending") return "pending";
    if (error.success && error.data.error === "slow_down") return "slow_down";
    if (response.status >= 500 || response.status === 429) return "back_off";
    if (error.success) return fail(oauthFailure(error.data.error, error.data.error_description));
    return fail(
      new PulsoidError(
        "invalid_response",
        `Pulsoid answered the sign-in poll with HTTP ${response.status}. Try again.`,
      ),
    );
  }

  async function waitForToken(): Promise<DeviceSignInResult> {
    if (!code || state !== "awaiting_approval") {
      if (state === "cancelled") return { status: "cancelled" };
      throw new PulsoidError("invalid_input", "Start the sign-in before waiting for it.");
    }
    // the code's own expiry, or 15 minutes, whichever is sooner; no sleep runs past it
    const deadline = Math.min(code.expiresAt, now() + MAX_SIGN_IN_WAIT_MS);
    let intervalMs = Math.max(MIN_INTERVAL_MS, code.intervalSeconds * 1000);
    for (;;) {
      const left = deadline - now();
      if (left <= 0) return fail(oauthFailure("expired_token"));
      await sleep(Math.min(intervalMs, left), controller.signal);
      if (controller.signal.aborted) return { status: "cancelled" };
      if (now() >= deadline) return fail(oauthFailure("expired_token"));
      const result = await poll(code.deviceCode, deadline);
      if (controller.signal.aborted) return { status: "cancelled" };
      if (result === "slow_down") intervalMs += SLOW_DOWN_SECONDS * 1000;
      else if (result === "back_off") intervalMs = Math.min(MAX_INTERVAL_MS, intervalMs * 2);
      else if (result !== "pending") {
        state = "approved";
        return result;
      }
    }
  }

  return {
    get state() {
      return state;
    },
    start,
    waitForToken,
    cancel() {
      if (state === "approved" || state === "failed") return;
      state = "cancelled";
      controller.abort();
    },
  };
}

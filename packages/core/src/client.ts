import pThrottle from "p-throttle";
import type { ZodType } from "zod";
import * as z from "zod";
import { errorFromResponse } from "./api-errors.js";
import { invalidInput, isPulsoidError, PulsoidError, type UnfinishedCreate } from "./errors.js";
import { type HttpRequest, httpContext, type RequestEvent, sendRequest, wasNeverSent } from "./http.js";
import { applyMergePatch } from "./merge-patch.js";
import { BASIC_BPM_META_ID } from "./meta.js";
import { type CallOptions, type Operation, sleepWithin, startOperation, stoppedError } from "./operation.js";
import {
  heartRateMessageSchema,
  type Profile,
  profileSchema,
  type TokenValidation,
  tokenValidationSchema,
  type Widget,
  widgetListResponseSchema,
  widgetResponseSchema,
} from "./schema.js";
import { missingScopes as findMissingScopes, missingScopeMessage, SCOPES, TOKEN_SCOPE_HINT } from "./scopes.js";
import { DEFAULT_API_URL, secureBaseUrl } from "./urls.js";
import {
  parseAccessToken,
  parseInput,
  validateConfiguration,
  validateJsonConfiguration,
  validateWidgetId,
  validateWidgetName,
} from "./validate.js";

/** how idempotent calls are retried: exponential backoff with jitter, honouring Retry-After */
export interface RetryOptions {
  retries?: number;
  minDelayMs?: number;
  maxDelayMs?: number;
}

/** the client-side request limit; Pulsoid documents a soft limit of 20 requests per second */
export interface RateLimitOptions {
  limit: number;
  intervalMs: number;
}

/** what a Pulsoid client needs; only `token` is required */
export interface PulsoidClientOptions {
  token: string;
  baseUrl?: string;
  fetch?: typeof fetch;
  /** how long one request may wait for an answer */
  timeoutMs?: number;
  /** how long one whole call may take, retries and checks included (a call's own `deadlineMs` wins) */
  deadlineMs?: number;
  retry?: RetryOptions | false;
  rateLimit?: RateLimitOptions | false;
  onRequest?: (event: RequestEvent) => void;
}

/** what to create: a name, a configuration, and the widget type (basic BPM unless told otherwise) */
export interface CreateWidgetInput {
  name: string;
  configuration: Record<string, unknown>;
  metaId?: string;
}

/** what a create takes besides CallOptions */
export interface CreateOptions extends CallOptions {
  /**
   * the unfinishedCreate of an earlier "may have been created" error for the same widget: the call looks
   * first and returns that widget if Pulsoid stored it, instead of making a second one
   */
  unfinished?: UnfinishedCreate;
}

/**
 * the Pulsoid widgets and token API, validated on the way out and on the way back. Every call takes
 * CallOptions: an AbortSignal, and a deadline that bounds the whole call, retries included
 */
export interface PulsoidClient {
  /**
   * POST /api/v1/widgets. One call makes at most one widget and returns only a widget it made; when that
   * cannot be known the error has mayHaveCreated: true
   */
  createWidget(input: CreateWidgetInput, options?: CreateOptions): Promise<Widget>;
  /** GET /api/v1/widgets, widgets of every type */
  listWidgets(options?: CallOptions): Promise<Widget[]>;
  /** POST /api/v1/widgets/{id} with the whole new configuration */
  updateWidget(
    id: string,
    configuration: Record<string, unknown>,
    options?: { metaId?: string } & CallOptions,
  ): Promise<Widget>;
  /** read-modify-write: lists, merges the patch (JSON merge patch) into the current configuration, posts the result */
  mergeWidgetConfiguration(id: string, patch: Record<string, unknown>, options?: CallOptions): Promise<Widget>;
  /** GET /api/v1/token/validate */
  validateToken(options?: CallOptions): Promise<TokenValidation>;
  /** validates the token and fails with insufficient_scope when any of these scopes is missing */
  requireScopes(scopes: readonly string[], options?: CallOptions): Promise<TokenValidation>;
  /** POST /oauth2/revoke on the API host; the token stops working */
  revokeToken(options?: CallOptions): Promise<void>;
  /** GET /api/v1/profile (scope profile:read): the user's name, to show which account is signed in */
  getProfile(options?: CallOptions): Promise<Profile>;
  /** GET /api/v1/data/heart_rate/latest (scope data:heart_rate:read): the latest reading, null while there is none */
  getLatestHeartRate(options?: CallOptions): Promise<{ bpm: number; measuredAt: number } | null>;
}

/** default client-side limit, safely under Pulsoid's 20 requests per second */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { limit: 15, intervalMs: 1000 };
/** default time to wait for an answer */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** default time one whole call may take, retries and a create's check included */
export const DEFAULT_DEADLINE_MS = 30_000;
const DEFAULT_RETRY: Required<RetryOptions> = { retries: 3, minDelayMs: 250, maxDelayMs: 4000 };

const createInputSchema = z.object({ metaId: z.string().min(1).optional() }, { error: "must be an object" });

const isSameJson = (a: unknown, b: unknown) => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** the scope each documented endpoint needs */
function scopeFor(request: HttpRequest): { scope: string; action: string } | undefined {
  if (request.path.startsWith("/api/v1/widgets")) {
    return request.method === "GET"
      ? { scope: SCOPES.widgetsRead, action: "listing widgets" }
      : { scope: SCOPES.widgetsUpdate, action: "creating or changing widgets" };
  }
  if (request.path.startsWith("/api/v1/data/heart_rate"))
    return { scope: SCOPES.heartRateRead, action: "the live heart rate" };
  if (request.path.startsWith("/api/v1/profile"))
    return { scope: SCOPES.profileRead, action: "showing your Pulsoid name" };
  return undefined;
}

/** an insufficient_scope error that names the scope the refused call needed */
function scopeNamed(error: PulsoidError, request: HttpRequest): PulsoidError {
  const needed = scopeFor(request);
  if (error.kind !== "insufficient_scope" || !needed) return error;
  return error.with({ missingScopes: [needed.scope] }, missingScopeMessage(needed.scope, needed.action));
}

/** creates a client for the Pulsoid API; the token stays inside it and never shows in its string form */
export function createPulsoidClient(options: PulsoidClientOptions): PulsoidClient {
  if (typeof options !== "object" || options === null) throw invalidInput("options", "must be an object with a token.");
  const token = parseAccessToken(options.token);
  const retry = options.retry === false ? { ...DEFAULT_RETRY, retries: 0 } : { ...DEFAULT_RETRY, ...options.retry };
  const rateLimit = options.rateLimit === undefined ? DEFAULT_RATE_LIMIT : options.rateLimit;
  const baseUrl = secureBaseUrl(options.baseUrl ?? DEFAULT_API_URL, "baseUrl");
  const context = httpContext({
    baseUrl,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
    ...(rateLimit
      ? {
          throttle: pThrottle({ limit: rateLimit.limit, interval: rateLimit.intervalMs, strict: true })(async () => {}),
        }
      : {}),
  });

  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;

  /** runs one public call as an operation with its deadline and signal */
  async function operation<T>(callOptions: CallOptions | undefined, run: (op: Operation) => Promise<T>): Promise<T> {
    const op = startOperation(callOptions, deadlineMs);
    try {
      return await run(op);
    } finally {
      op.end();
    }
  }

  async function call<T>(op: Operation, request: HttpRequest, schema: ZodType<T>): Promise<T> {
    const response = await sendRequest(context, { ...request, token }, op);
    if (response.status >= 400)
      throw scopeNamed(errorFromResponse(response.status, response.body, response.retryAfter), request);
    const parsed = response.json ? schema.safeParse(response.body) : undefined;
    if (!parsed?.success) {
      throw new PulsoidError(
        "invalid_response",
        `Pulsoid answered ${request.method} ${request.path} with something PulseKit does not understand${response.json ? "" : " (not JSON)"}. Try again; if it keeps happening, update PulseKit.`,
        { status: response.status, retryable: false },
      );
    }
    return parsed.data;
  }

  /**
   * waits before retry n: Retry-After when the server gave one, else exponential backoff with jitter.
   * false when the wait would pass the deadline (so no retry follows and nothing is slept)
   */
  async function pauseBeforeRetry(op: Operation, error: PulsoidError, n: number): Promise<boolean> {
    const backoff = Math.min(retry.maxDelayMs, retry.minDelayMs * 2 ** (n - 1) * (1 + Math.random()));
    if (await sleepWithin(op, error.retryAfterMs ?? backoff)) return true;
    if (op.cancelled()) throw stoppedError(op);
    return false;
  }

  /** runs an idempotent request, retrying retryable failures while retries and time are left */
  async function withRetries<T>(op: Operation, run: (attempt: number) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run(attempt);
      } catch (error) {
        if (!isPulsoidError(error) || !error.retryable || attempt > retry.retries) throw error;
        if (!(await pauseBeforeRetry(op, error, attempt))) throw error;
      }
    }
  }

  const listWith = (op: Operation) =>
    withRetries(op, (attempt) =>
      call(op, { method: "GET", path: "/api/v1/widgets", attempt }, widgetListResponseSchema),
    );

  const updateWith = (op: Operation, widgetId: string, body: { configuration: Record<string, unknown> }) => {
    const path = `/api/v1/widgets/${encodeURIComponent(widgetId)}`;
    return withRetries(
      op,
      async (attempt) => (await call(op, { method: "POST", path, json: body, attempt }, widgetResponseSchema)).widget,
    );
  };

  const listWidgets = (callOptions?: CallOptions) => operation(callOptions, listWith);

  const updateWidget = (
    id: string,
    configuration: Record<string, unknown>,
    updateOptions: { metaId?: string } & CallOptions = {},
  ) => {
    const widgetId = validateWidgetId(id);
    const body = {
      configuration: updateOptions.metaId
        ? validateConfiguration(configuration, updateOptions.metaId)
        : validateJsonConfiguration(configuration),
    };
    return operation(updateOptions, (op) => updateWith(op, widgetId, body));
  };

  const validateWith = (op: Operation) =>
    withRetries(op, (attempt) =>
      call(op, { method: "GET", path: "/api/v1/token/validate", attempt }, tokenValidationSchema),
    );
  const validateToken = (callOptions?: CallOptions) => operation(callOptions, validateWith);

  const getLatestHeartRate = (callOptions?: CallOptions) =>
    operation(callOptions, (op) =>
      withRetries(op, async (attempt) => {
        try {
          const reading = await call(
            op,
            { method: "GET", path: "/api/v1/data/heart_rate/latest", attempt },
            heartRateMessageSchema,
          );
          return { bpm: reading.bpm, measuredAt: reading.measuredAt ?? Date.now() };
        } catch (error) {
          // 412: signed in, but Pulsoid has no reading from this user yet
          if (isPulsoidError(error) && error.status === 412) return null;
          throw error;
        }
      }),
    );

  const getProfile = (callOptions?: CallOptions) =>
    operation(callOptions, (op) =>
      withRetries(op, (attempt) => call(op, { method: "GET", path: "/api/v1/profile", attempt }, profileSchema)),
    );

  async function createWidget(input: CreateWidgetInput, callOptions?: CreateOptions): Promise<Widget> {
    const { metaId = BASIC_BPM_META_ID } = parseInput(createInputSchema, input, "input");
    const body = {
      configuration: validateConfiguration(input.configuration, metaId),
      name: validateWidgetName(input.name),
      meta_id: metaId,
    };
    const isAskedFor = (w: Widget) =>
      w.name === body.name && w.meta_id === body.meta_id && isSameJson(w.configuration, body.configuration);
    const unfinished = callOptions?.unfinished;
    const resumes =
      unfinished !== undefined &&
      unfinished.name === body.name &&
      unfinished.metaId === body.meta_id &&
      isSameJson(unfinished.configuration, body.configuration);
    return operation(callOptions, (op) =>
      createOnce(op, body, isAskedFor, resumes ? new Set(unfinished.existingIds) : undefined),
    );
  }

  /**
   * the create protocol: note the ids that exist, POST, and after an answer that leaves it unclear whether
   * Pulsoid stored the widget, look: a matching widget whose id is new is the one this call made. The POST
   * is sent again only when it provably did not reach Pulsoid, or when the look showed it was not stored
   */
  async function createOnce(
    op: Operation,
    body: { configuration: Record<string, unknown>; name: string; meta_id: string },
    isAskedFor: (widget: Widget) => boolean,
    existedBeforeEarlierTry?: Set<string>,
  ): Promise<Widget> {
    // without widgets:read there is no list to look at: the create still goes out, but cannot be checked
    let existing: Set<string> | undefined;
    try {
      const now = await listWith(op);
      // an earlier call may have stored it: a new matching widget since that call is the one asked for
      const earlier = existedBeforeEarlierTry;
      const found = earlier ? now.filter((widget) => !earlier.has(widget.id) && isAskedFor(widget)) : [];
      const stored = found.at(-1);
      if (stored) return stored;
      existing = new Set(now.map((widget) => widget.id));
    } catch (error) {
      if (!isPulsoidError(error) || error.kind !== "insufficient_scope") throw error;
    }
    const unfinished = (): UnfinishedCreate | undefined =>
      existing && {
        name: body.name,
        metaId: body.meta_id,
        configuration: body.configuration,
        existingIds: [...(existedBeforeEarlierTry ?? existing)],
      };
    for (let attempt = 1; ; attempt++) {
      let failure: PulsoidError;
      try {
        return (await call(op, { method: "POST", path: "/api/v1/widgets", json: body, attempt }, widgetResponseSchema))
          .widget;
      } catch (error) {
        if (!isPulsoidError(error)) throw error;
        failure = error;
      }
      const clearlyNotStored = wasNeverSent(failure) || failure.kind === "rate_limited";
      const unclear = !clearlyNotStored && ["network", "timeout", "server", "invalid_response"].includes(failure.kind);
      if (unclear) {
        const handOff = unfinished();
        const mayHave = failure.with({
          mayHaveCreated: true,
          retryable: false,
          ...(handOff ? { unfinishedCreate: handOff } : {}),
        });
        const before = existing;
        if (!before || op.cancelled()) throw mayHave;
        let now: Widget[];
        try {
          now = await listWith(op);
        } catch {
          throw mayHave;
        }
        const made = now.filter((widget) => !before.has(widget.id) && isAskedFor(widget));
        if (made.length === 1 && made[0]) return made[0];
        // two new matches: another app made the same widget meanwhile, and this call cannot tell which is its own
        if (made.length > 1) throw mayHave;
        // after a timeout Pulsoid may still be storing it: sending again could make a second one
        if (failure.kind === "timeout") throw mayHave;
        existing = new Set(now.map((widget) => widget.id));
        failure = failure.with({ mayHaveCreated: false });
      }
      if (!failure.retryable || attempt > retry.retries) throw failure;
      if (!(await pauseBeforeRetry(op, failure, attempt))) throw failure;
    }
  }

  async function mergeWidgetConfiguration(
    id: string,
    patch: Record<string, unknown>,
    callOptions?: CallOptions,
  ): Promise<Widget> {
    const widgetId = validateWidgetId(id);
    const change = validateJsonConfiguration(patch);
    return operation(callOptions, async (op) => {
      const current = (await listWith(op)).find((widget) => widget.id === widgetId);
      if (!current) {
        throw new PulsoidError(
          "not_found",
          `This Pulsoid account has no widget with id ${widgetId}. List your widgets to pick one that exists.`,
          { retryable: false },
        );
      }
      const merged = applyMergePatch(current.configuration, change);
      return updateWith(op, widgetId, { configuration: validateConfiguration(merged, current.meta_id) });
    });
  }

  async function requireScopes(scopes: readonly string[], callOptions?: CallOptions): Promise<TokenValidation> {
    const validation = await validateToken(callOptions);
    const missing = findMissingScopes(validation.scopes, scopes);
    if (missing.length > 0) {
      throw new PulsoidError(
        "insufficient_scope",
        `The access token is missing the permission ${missing.join(", ")}. ${TOKEN_SCOPE_HINT}`,
        { missingScopes: missing, retryable: false },
      );
    }
    return validation;
  }

  async function revokeToken(callOptions?: CallOptions): Promise<void> {
    await operation(callOptions, (op) =>
      withRetries(op, async (attempt) => {
        const response = await sendRequest(
          context,
          { method: "POST", path: "/oauth2/revoke", form: { token }, attempt },
          op,
        );
        if (response.status >= 400) throw errorFromResponse(response.status, response.body, response.retryAfter);
      }),
    );
  }

  const describe = () => `PulsoidClient(${baseUrl})`;
  return Object.freeze({
    createWidget,
    listWidgets,
    updateWidget,
    mergeWidgetConfiguration,
    validateToken,
    requireScopes,
    revokeToken,
    getProfile,
    getLatestHeartRate,
    toString: describe,
    toJSON: describe,
    [Symbol.for("nodejs.util.inspect.custom")]: describe,
  });
}

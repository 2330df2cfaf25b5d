import pRetry from "p-retry";
import pThrottle from "p-throttle";
import type { ZodType } from "zod";
import * as z from "zod";
import { errorFromResponse } from "./api-errors.js";
import { invalidInput, isPulsoidError, PulsoidError } from "./errors.js";
import { type HttpRequest, httpContext, type RequestEvent, sendRequest, wasNeverSent } from "./http.js";
import { applyMergePatch } from "./merge-patch.js";
import { BASIC_BPM_META_ID } from "./meta.js";
import {
  type TokenValidation,
  tokenValidationSchema,
  type Widget,
  widgetListResponseSchema,
  widgetResponseSchema,
} from "./schema.js";
import { missingScopes as findMissingScopes, SCOPES, TOKEN_SCOPE_HINT } from "./scopes.js";
import { DEFAULT_API_URL, normalizeBaseUrl } from "./urls.js";
import {
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
  timeoutMs?: number;
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

/** the Pulsoid widgets and token API, validated on the way out and on the way back */
export interface PulsoidClient {
  /** POST /api/v1/widgets; one call never leaves two widgets */
  createWidget(input: CreateWidgetInput): Promise<Widget>;
  /** GET /api/v1/widgets, widgets of every type */
  listWidgets(): Promise<Widget[]>;
  /** POST /api/v1/widgets/{id} with the whole new configuration */
  updateWidget(id: string, configuration: Record<string, unknown>, options?: { metaId?: string }): Promise<Widget>;
  /** read-modify-write: lists, merges the patch (JSON merge patch) into the current configuration, posts the result */
  mergeWidgetConfiguration(id: string, patch: Record<string, unknown>): Promise<Widget>;
  /** GET /api/v1/token/validate */
  validateToken(): Promise<TokenValidation>;
  /** validates the token and fails with insufficient_scope when any of these scopes is missing */
  requireScopes(scopes: readonly string[]): Promise<TokenValidation>;
  /** POST /oauth2/revoke on the API host; the token stops working */
  revokeToken(): Promise<void>;
}

/** default client-side limit, safely under Pulsoid's 20 requests per second */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { limit: 15, intervalMs: 1000 };
/** default time to wait for an answer */
export const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_RETRY: Required<RetryOptions> = { retries: 3, minDelayMs: 250, maxDelayMs: 4000 };

const tokenSchema = z
  .string({ error: "must be text" })
  .trim()
  .min(1, { error: "is empty" })
  .max(512, { error: "is too long to be a Pulsoid access token" })
  .refine((token) => !/\s/.test(token), { error: "must not contain spaces or line breaks" });

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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** the scope each documented endpoint needs */
function scopeFor(request: HttpRequest): string | undefined {
  if (!request.path.startsWith("/api/v1/widgets")) return undefined;
  return request.method === "GET" ? SCOPES.widgetsRead : SCOPES.widgetsUpdate;
}

/** an insufficient_scope error that names the scope the refused call needed */
function scopeNamed(error: PulsoidError, request: HttpRequest): PulsoidError {
  const scope = scopeFor(request);
  if (error.kind !== "insufficient_scope" || !scope) return error;
  const action = request.method === "GET" ? "listing widgets" : "creating or changing widgets";
  return error.with(
    { missingScopes: [scope] },
    `The access token is missing the permission ${scope}, which ${action} needs. ${TOKEN_SCOPE_HINT}`,
  );
}

/** creates a client for the Pulsoid API; the token stays inside it and never shows in its string form */
export function createPulsoidClient(options: PulsoidClientOptions): PulsoidClient {
  if (typeof options !== "object" || options === null) throw invalidInput("options", "must be an object with a token.");
  const token = parseInput(tokenSchema, options.token, "token");
  const retry = options.retry === false ? { ...DEFAULT_RETRY, retries: 0 } : { ...DEFAULT_RETRY, ...options.retry };
  const rateLimit = options.rateLimit === undefined ? DEFAULT_RATE_LIMIT : options.rateLimit;
  const baseUrl = normalizeBaseUrl(options.baseUrl ?? DEFAULT_API_URL);
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

  async function call<T>(request: HttpRequest, schema: ZodType<T>): Promise<T> {
    const response = await sendRequest(context, { ...request, token });
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

  // the first attempt runs directly; backoff machinery only starts once an attempt failed in a retryable way
  async function withRetries<T>(run: (attempt: number) => Promise<T>, retries = retry.retries): Promise<T> {
    try {
      return await run(1);
    } catch (error) {
      if (retries <= 0 || !isPulsoidError(error) || !error.retryable) throw error;
      if (error.retryAfterMs) await sleep(error.retryAfterMs);
      else await sleep(backoff(1));
    }
    return pRetry((attempt) => run(attempt + 1), {
      retries: retries - 1,
      factor: 2,
      minTimeout: retry.minDelayMs * 2,
      maxTimeout: retry.maxDelayMs,
      randomize: true,
      shouldRetry: ({ error }) => isPulsoidError(error) && error.retryable,
      onFailedAttempt: async ({ error, retriesLeft }) => {
        if (retriesLeft > 0 && isPulsoidError(error) && error.retryAfterMs) await sleep(error.retryAfterMs);
      },
    });
  }

  // the delay before retry n: exponential from minDelayMs, capped, with up to 100% jitter like p-retry's
  function backoff(n: number): number {
    return Math.min(retry.maxDelayMs, retry.minDelayMs * 2 ** (n - 1) * (1 + Math.random()));
  }

  const listWidgets = () =>
    withRetries((attempt) => call({ method: "GET", path: "/api/v1/widgets", attempt }, widgetListResponseSchema));

  const updateWidget = (
    id: string,
    configuration: Record<string, unknown>,
    updateOptions: { metaId?: string } = {},
  ) => {
    const widgetId = validateWidgetId(id);
    const body = {
      configuration: updateOptions.metaId
        ? validateConfiguration(configuration, updateOptions.metaId)
        : validateJsonConfiguration(configuration),
    };
    const path = `/api/v1/widgets/${encodeURIComponent(widgetId)}`;
    return withRetries(
      async (attempt) => (await call({ method: "POST", path, json: body, attempt }, widgetResponseSchema)).widget,
    );
  };

  const validateToken = () =>
    withRetries((attempt) => call({ method: "GET", path: "/api/v1/token/validate", attempt }, tokenValidationSchema));

  async function createWidget(input: CreateWidgetInput): Promise<Widget> {
    const { metaId = BASIC_BPM_META_ID } = parseInput(createInputSchema, input, "input");
    const body = {
      configuration: validateConfiguration(input.configuration, metaId),
      name: validateWidgetName(input.name),
      meta_id: metaId,
    };
    // looks for the widget this call asked for, after an answer that left it unclear whether Pulsoid stored it
    const findCreated = async () =>
      (await withRetries(() => listWidgets(), 1))
        .filter(
          (w) => w.name === body.name && w.meta_id === body.meta_id && isSameJson(w.configuration, body.configuration),
        )
        .at(-1);

    return withRetries(async (attempt) => {
      try {
        return (await call({ method: "POST", path: "/api/v1/widgets", json: body, attempt }, widgetResponseSchema))
          .widget;
      } catch (error) {
        if (!isPulsoidError(error) || error.kind === "rate_limited" || wasNeverSent(error)) throw error;
        const ambiguous = ["network", "timeout", "server", "invalid_response"].includes(error.kind);
        if (!ambiguous) throw error;
        let created: Widget | undefined;
        try {
          created = await findCreated();
        } catch {
          throw error.with({ mayHaveCreated: true, retryable: false });
        }
        if (created) return created;
        // after a timeout pulsoid may still be working on the request, so a retry could duplicate it
        if (error.kind === "timeout") throw error.with({ mayHaveCreated: true, retryable: false });
        // pulsoid answered or dropped the connection without storing it: a retry cannot duplicate it
        throw error;
      }
    });
  }

  async function mergeWidgetConfiguration(id: string, patch: Record<string, unknown>): Promise<Widget> {
    const widgetId = validateWidgetId(id);
    const change = validateJsonConfiguration(patch);
    const current = (await listWidgets()).find((widget) => widget.id === widgetId);
    if (!current) {
      throw new PulsoidError(
        "not_found",
        `This Pulsoid account has no widget with id ${widgetId}. List your widgets to pick one that exists.`,
        { retryable: false },
      );
    }
    const merged = applyMergePatch(current.configuration, change);
    return updateWidget(widgetId, merged, { metaId: current.meta_id });
  }

  async function requireScopes(scopes: readonly string[]): Promise<TokenValidation> {
    const validation = await validateToken();
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

  async function revokeToken(): Promise<void> {
    await withRetries(async (attempt) => {
      const response = await sendRequest(context, { method: "POST", path: "/oauth2/revoke", form: { token }, attempt });
      if (response.status >= 400) throw errorFromResponse(response.status, response.body, response.retryAfter);
    });
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
    toString: describe,
    toJSON: describe,
    [Symbol.for("nodejs.util.inspect.custom")]: describe,
  });
}

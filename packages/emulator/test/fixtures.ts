import { afterEach, beforeEach } from "vitest";
import { type Emulator, type EmulatorOptions, startEmulator } from "../src/index.js";

/** the basic BPM meta id, spelled out so the tests do not trust the code under test */
export const BASIC_BPM = "bf6bdf21-10a7-4a28-97ec-a239e6c77f8b";
/** another widget type the docs show in lists */
export const OTHER_META = "f0654a12-3a59-4beb-b567-c5febda19c48";

/** a fresh emulator for every test, closed afterwards */
export function useEmulator(options: EmulatorOptions = {}): { readonly current: Emulator } {
  const holder: { current?: Emulator } = {};
  beforeEach(async () => {
    holder.current = await startEmulator(options);
  });
  afterEach(async () => {
    await holder.current?.close();
  });
  return {
    get current() {
      if (!holder.current) throw new Error("the emulator is not running");
      return holder.current;
    },
  };
}

/** a JSON API call with a bearer token */
export function apiCall(
  emulator: Emulator,
  path: string,
  token: string | undefined,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...init.headers };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  if (init.body !== undefined && !("content-type" in headers)) headers["content-type"] = "application/json";
  return fetch(`${emulator.url}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers,
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
  });
}

/** a form post, the way OAuth endpoints are called */
export function formPost(emulator: Emulator, path: string, fields: Record<string, string>): Promise<Response> {
  return fetch(`${emulator.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

/** a JSON call to a test hook */
export async function hook(emulator: Emulator, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${emulator.url}/__emulator${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** the create body of the doc example */
export const createBody = (name = "Test", configuration: Record<string, unknown> = { heartEnabled: false }) => ({
  meta_id: BASIC_BPM,
  name,
  configuration,
});

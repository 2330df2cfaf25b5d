import type { Context } from "hono";
import type { AppEnv } from "./state.js";

/** true when the request says its body is JSON */
export function isJsonRequest(c: Context<AppEnv>): boolean {
  const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  return type === "application/json";
}

/** the body parsed as JSON, or undefined when it is not valid JSON */
export function jsonBody(c: Context<AppEnv>): unknown {
  try {
    return JSON.parse(c.get("rawBody"));
  } catch {
    return undefined;
  }
}

/** form fields of an application/x-www-form-urlencoded body; empty for any other content type */
export function formBody(c: Context<AppEnv>): URLSearchParams {
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  if (!type.includes("application/x-www-form-urlencoded")) return new URLSearchParams();
  return new URLSearchParams(c.get("rawBody"));
}

/** true for a plain JSON object (not null, not an array) */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

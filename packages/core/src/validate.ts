import type { ZodType } from "zod";
import * as z from "zod";
import { invalidInput } from "./errors.js";
import { findJsonProblem, lineAndColumn } from "./json-position.js";
import { BASIC_BPM_META_ID } from "./meta.js";
import { basicBpmConfigurationSchema, widgetConfigurationSchema, widgetNameSchema } from "./schema.js";

function fieldName(root: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (name, key) => (typeof key === "number" ? `${name}[${key}]` : `${name}.${String(key)}`),
    root,
  );
}

/** parses with a schema; the first problem becomes an invalid_input error naming the field and the rule */
export function parseInput<T>(schema: ZodType<T>, value: unknown, root: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = fieldName(root, issue?.path ?? []);
  return fail(field, friendlyRule(issue));
}

/** zod's own wording turned into a rule a person can follow */
function friendlyRule(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return "is not valid";
  if (issue.code === "invalid_union")
    return "must be plain JSON (text, a number, true/false, null, a list or an object)";
  const expected = /^Invalid input: expected (\w+), received (\w+)$/.exec(issue.message);
  if (expected) return `must be ${article(expected[1] ?? "")} (got ${expected[2]})`;
  if (issue.code === "unrecognized_keys") return `has unexpected keys: ${issue.keys.join(", ")}`;
  return issue.message;
}

function article(type: string): string {
  const words: Record<string, string> = { record: "an object", object: "an object", array: "a list" };
  return words[type] ?? `a ${type}`;
}

function fail(field: string, rule: string): never {
  // a rule that already says what to do ends in a full stop and needs no generic advice
  throw invalidInput(field, /[.!?]$/.test(rule) ? rule : `${rule}. Fix it and try again.`);
}

/** a trimmed widget name, or an invalid_input error on field "name" */
export function validateWidgetName(name: unknown): string {
  return parseInput(widgetNameSchema, name, "name");
}

/**
 * the path of the first own `__proto__` key in a JSON value: JSON.parse makes one, but copying it sets an object's
 * prototype instead, so it would silently vanish from what is sent
 */
function protoKeyPath(value: unknown, path: string, depth = 0): string | undefined {
  if (depth > 64 || typeof value !== "object" || value === null) return undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = protoKeyPath(item, `${path}[${index}]`, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (Object.hasOwn(value, "__proto__")) return `${path}.__proto__`;
  for (const [key, item] of Object.entries(value)) {
    const found = protoKeyPath(item, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** any widget type's configuration: a JSON object */
export function validateJsonConfiguration(configuration: unknown): Record<string, unknown> {
  refuseProtoKeys(configuration);
  return parseInput(widgetConfigurationSchema, configuration, "configuration");
}

function refuseProtoKeys(configuration: unknown): void {
  const path = protoKeyPath(configuration, "configuration");
  if (path) fail(path, "is a key a configuration cannot have: remove it");
}

/** a configuration checked against its widget type's schema; unknown keys are kept */
export function validateConfiguration(
  configuration: unknown,
  metaId: string = BASIC_BPM_META_ID,
): Record<string, unknown> {
  // one pass either way: the basic BPM schema checks unknown keys as plain JSON itself
  if (metaId !== BASIC_BPM_META_ID) return validateJsonConfiguration(configuration);
  refuseProtoKeys(configuration);
  return parseInput(basicBpmConfigurationSchema, configuration, "configuration");
}

/** a configuration from JSON text (a file, an editor, a flag), validated */
export function parseConfigurationJson(text: string, metaId?: string): Record<string, unknown> {
  return validateConfiguration(parseJsonText(text, "configuration"), metaId);
}

/**
 * JSON text parsed; a mistake is an invalid_input error that says where (line and column), never by
 * quoting the text, which may be any file a user pointed at (a token file included)
 */
export function parseJsonText(text: string, field: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const problem = findJsonProblem(text);
    let where = "";
    if (problem) {
      const { line, column } = lineAndColumn(text, problem.offset);
      where = problem.endedEarly
        ? ` (it ends early, at line ${line}, column ${column})`
        : ` at line ${line}, column ${column}`;
    }
    throw invalidInput(field, `is not valid JSON${where}. Fix the JSON and try again.`);
  }
}

/** a widget id as it may appear in a URL path */
export function validateWidgetId(id: unknown): string {
  if (typeof id !== "string" || !/^[A-Za-z0-9_-]{1,100}$/.test(id)) {
    return fail("id", "must be a widget id like a9b9768c-b907-40b7-9530-ae515d8df6b0 (see the widget list)");
  }
  return id;
}

/** JSON Schema of the basic BPM configuration, for editors that validate as you type */
export function configurationJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(basicBpmConfigurationSchema, { io: "input", unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
}

const accessTokenSchema = z
  .string({ error: "must be text" })
  .trim()
  .min(1, { error: "is empty: paste the access token (create one at pulsoid.net/ui/keys)." })
  .max(512, { error: "is too long to be a Pulsoid access token: copy only the token itself." })
  .refine((token) => !/\s/.test(token), {
    error: "has spaces or line breaks: copy only the token itself.",
  });

/** an access token as typed or pasted, trimmed; throws invalid_input (field "token") naming what is wrong */
export function parseAccessToken(input: unknown): string {
  return parseInput(accessTokenSchema, input, "token");
}

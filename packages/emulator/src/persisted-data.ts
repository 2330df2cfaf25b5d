import * as z from "zod";
import type { StoredToken, StoredWidget } from "./store.js";

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") {
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  }
  return `the ${typeof value} ${String(value)}`;
}

/** zod's error option: "must be <what>, not <what it is>", "is missing", or the unknown fields */
function must(what: string, { secret = false } = {}) {
  return {
    error: (issue: { code?: string; input?: unknown; keys?: string[] }) => {
      if (issue.code === "unrecognized_keys") {
        const keys = issue.keys ?? [];
        return `has unknown field${keys.length === 1 ? "" : "s"} ${keys.map((key) => `"${key}"`).join(", ")}`;
      }
      if (issue.input === undefined) return `is missing (it must be ${what})`;
      if (secret && typeof issue.input === "string") return `must be ${what}`;
      return `must be ${what}, not ${describeValue(issue.input)}`;
    },
  };
}

const widgetSchema = z.strictObject(
  {
    id: z.string(must("a non-empty string")).min(1, must("a non-empty string")),
    meta_id: z.string(must("a string")),
    configuration: z.record(z.string(), z.unknown(), must("a JSON object")),
    name: z.string(must("a string")),
  },
  must("a JSON object"),
) satisfies z.ZodType<StoredWidget>;

const tokenRule = "a non-empty string without spaces";
const tokenSchema = z.strictObject(
  {
    // a token's value is a secret: the message never repeats it
    token: z.string(must(tokenRule)).regex(/^\S+$/, must(tokenRule, { secret: true })),
    scopes: z.array(z.string(must("a string")), must("an array of strings")),
    clientId: z.string(must("a string")),
    profileId: z.string(must("a string or null")).nullable(),
    expiresAt: z.number(must("a number (epoch milliseconds)")),
  },
  must("a JSON object"),
) satisfies z.ZodType<StoredToken>;

function refuseRepeats(ctx: z.RefinementCtx, list: string, field: string, values: string[]): void {
  const firstIndex = new Map<string, number>();
  values.forEach((value, index) => {
    const first = firstIndex.get(value);
    if (first === undefined) firstIndex.set(value, index);
    else
      ctx.addIssue({
        code: "custom",
        path: [list, index, field],
        message: `repeats the ${field} of ${list}[${first}]`,
      });
  });
}

// strict objects: an unknown field is refused rather than dropped, since the next save would lose it silently
const persistedDataSchema = z
  .strictObject(
    {
      version: z.literal(1, must("1")).optional(),
      widgets: z.array(widgetSchema, must("an array")),
      tokens: z.array(tokenSchema, must("an array")),
    },
    must("a JSON object"),
  )
  .superRefine((data, ctx) => {
    refuseRepeats(
      ctx,
      "widgets",
      "id",
      data.widgets.map((widget) => widget.id),
    );
    refuseRepeats(
      ctx,
      "tokens",
      "token",
      data.tokens.map((token) => token.token),
    );
  });

function formatPath(path: PropertyKey[]): string {
  return path.map((key, i) => (typeof key === "number" ? `[${key}]` : `${i === 0 ? "" : "."}${String(key)}`)).join("");
}

/** one sentence: the entry, the field, what is wrong with it and what to do */
function describeProblem(data: unknown, issues: z.core.$ZodIssue[]): string {
  const [issue] = issues;
  if (!issue) return "it does not have the expected shape";
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? "s" : ""})` : "";
  const [list, index, ...field] = issue.path;
  if ((list === "widgets" || list === "tokens") && typeof index === "number") {
    const entry = (data as Record<string, unknown[]>)[list]?.[index] as Record<string, unknown> | undefined;
    const id = list === "widgets" && typeof entry?.id === "string" && entry.id !== "" ? entry.id : undefined;
    const name = `${list}[${index}]${id === undefined ? "" : ` (id ${JSON.stringify(id)})`}`;
    const where = field.length > 0 ? `${name}, field "${formatPath(field)}",` : name;
    return `${where} ${issue.message}${more}. Fix or remove that entry, or move the file away to start empty`;
  }
  const where = issue.path.length > 0 ? `field "${formatPath(issue.path)}"` : "the top level";
  return `${where} ${issue.message}${more}. Fix the file, or move it away to start empty`;
}

/** checks what a data file holds; returns its widgets and tokens or a sentence saying what is wrong */
export function parsePersistedData(
  data: unknown,
): { data: { widgets: StoredWidget[]; tokens: StoredToken[] } } | { problem: string } {
  const parsed = persistedDataSchema.safeParse(data);
  if (!parsed.success) return { problem: describeProblem(data, parsed.error.issues) };
  return { data: { widgets: parsed.data.widgets, tokens: parsed.data.tokens } };
}

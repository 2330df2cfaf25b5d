import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { isPlainObject, type UnfinishedCreate } from "@pulsekit/core";
import { writePrivateFile } from "./private-file.js";

/** what a create asks for, as core's unfinishedCreate records it */
type CreateRequest = Pick<UnfinishedCreate, "name" | "metaId" | "configuration">;

/**
 * creates that may have reached Pulsoid, kept next to the token so that the same `widgets create` run
 * again hands them to core, which looks for the widget before making another. Holds no secret
 */
export interface UnfinishedCreates {
  /** where they are kept */
  readonly path: string;
  /** the unfinished create that asked for exactly this, if any */
  find(request: CreateRequest): UnfinishedCreate | undefined;
  /** keeps one, replacing an earlier one for the same request; false when the file could not be written */
  keep(unfinished: UnfinishedCreate): boolean;
  /** forgets the one for this request, once it finished (best effort) */
  forget(request: CreateRequest): void;
}

// a few are plenty: each is one widget someone is about to look for
const MAX_KEPT = 20;

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === "string");

function isUnfinishedCreate(value: unknown): value is UnfinishedCreate {
  return (
    isPlainObject(value) &&
    typeof value.name === "string" &&
    typeof value.metaId === "string" &&
    isPlainObject(value.configuration) &&
    isStringArray(value.existingIds)
  );
}

/** JSON with object keys sorted, so two configurations compare by content */
function canonicalJson(value: unknown): string {
  const sorted = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(sorted);
    if (isPlainObject(item))
      return Object.fromEntries(
        Object.keys(item)
          .sort()
          .map((key) => [key, sorted(item[key])]),
      );
    return item;
  };
  return JSON.stringify(sorted(value));
}

const sameRequest = (a: CreateRequest, b: CreateRequest) =>
  a.name === b.name && a.metaId === b.metaId && canonicalJson(a.configuration) === canonicalJson(b.configuration);

/** the file `unfinished-creates.json` in configDir; a damaged or unreadable file counts as empty */
export function createUnfinishedCreates(configDir: string): UnfinishedCreates {
  const path = join(configDir, "unfinished-creates.json");
  const readAll = (): UnfinishedCreate[] => {
    try {
      const parsed: unknown = JSON.parse(readFileSync(path, "utf8"));
      return Array.isArray(parsed) ? parsed.filter(isUnfinishedCreate) : [];
    } catch {
      return [];
    }
  };
  const save = (all: UnfinishedCreate[]): boolean => {
    try {
      if (all.length === 0) rmSync(path, { force: true });
      else writePrivateFile(path, `${JSON.stringify(all.slice(-MAX_KEPT), null, 2)}\n`);
      return true;
    } catch {
      return false;
    }
  };
  return {
    path,
    find: (request) => readAll().find((unfinished) => sameRequest(unfinished, request)),
    keep(unfinished) {
      return save([...readAll().filter((other) => !sameRequest(other, unfinished)), unfinished]);
    },
    forget(request) {
      const all = readAll();
      const rest = all.filter((unfinished) => !sameRequest(unfinished, request));
      if (rest.length !== all.length) save(rest);
    },
  };
}

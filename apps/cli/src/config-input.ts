import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseConfigurationJson } from "@pulsekit/core";
import { usageError } from "./cli-error.js";

/** the JSON text behind a --config value: inline JSON, or `@path` to read it from a file */
export function readConfigText(value: string, cwd: string): string {
  if (!value.startsWith("@")) return value;
  const path = resolve(cwd, value.slice(1));
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "it does not exist" : (code ?? "it could not be read");
    throw usageError(`Cannot read the --config file ${path}: ${reason}. Check the path after "@".`, "config");
  }
}

/** parses and validates a --config value; throws invalid_input naming the field */
export function readConfigOption(value: string, cwd: string): Record<string, unknown> {
  return parseConfigurationJson(readConfigText(value, cwd));
}

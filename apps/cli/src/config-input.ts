import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { isPulsoidError, parseJsonText, validateConfiguration, validateJsonConfiguration } from "@pulsekit/core";
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

/** --config text parsed as JSON; core says where a mistake is without quoting the text (it may be any file) */
function parseConfigJson(text: string): unknown {
  try {
    return parseJsonText(text, "configuration");
  } catch (error) {
    if (!isPulsoidError(error)) throw error;
    throw usageError(error.message.replace(/^configuration/, "The configuration given with --config"), "configuration");
  }
}

/** a --config for a new basic BPM widget: parsed and validated; throws invalid_input naming the field */
export function readConfigOption(value: string, cwd: string): Record<string, unknown> {
  return validateConfiguration(parseConfigJson(readConfigText(value, cwd)));
}

/**
 * a --config patch for an existing widget: any JSON object, where null removes a key (JSON merge patch);
 * the merged result is checked against the widget's own type before it is sent
 */
export function readConfigPatch(value: string, cwd: string): Record<string, unknown> {
  return validateJsonConfiguration(parseConfigJson(readConfigText(value, cwd)));
}

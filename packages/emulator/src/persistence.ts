import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { parsePersistedData } from "./persisted-data.js";
import type { StoredToken, StoredWidget } from "./store.js";

/** what the data file holds */
export interface PersistedData {
  version: 1;
  widgets: StoredWidget[];
  tokens: StoredToken[];
}

const tempSuffix = ".tmp";

/** reads the data file; a missing file is an empty store, a damaged one is an error that names the file */
export function loadData(file: string): PersistedData {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { version: 1, widgets: [], tokens: [] };
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(`emulator data file ${file} is not valid JSON; fix or remove it`);
  }
  const parsed = parsePersistedData(data);
  if ("problem" in parsed)
    throw new Error(`emulator data file ${file}: ${parsed.problem}; the file was left unchanged`);
  return { version: 1, ...parsed.data };
}

/** writes the data next to the file, flushes it to disk, then renames it over the file in one step */
export function saveData(file: string, data: PersistedData): void {
  const temp = `${file}.${process.pid}.${Date.now()}${tempSuffix}`;
  const fd = openSync(temp, "w", 0o600);
  try {
    writeSync(fd, `${JSON.stringify(data, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  syncDirectory(dirname(file));
}

/** removes temp files an interrupted write left behind; the data file itself is never touched */
export function removeLeftoverTempFiles(file: string): void {
  const prefix = `${basename(file)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(file));
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(prefix) && name.endsWith(tempSuffix)) rmSync(join(dirname(file), name), { force: true });
  }
}

function syncDirectory(dir: string): void {
  // makes the rename itself durable; some file systems refuse to fsync a directory, which is fine
  try {
    const fd = openSync(dir, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {}
}

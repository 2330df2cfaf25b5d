import { randomBytes } from "node:crypto";
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** a temp file name next to path, for a write or a delete that must look atomic to other processes */
export function siblingTempPath(path: string, suffix: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.${suffix}`);
}

/**
 * writes text to path readable only by its owner, in a 0700 folder: a temp file in the same folder, then
 * rename, so readers see the old content or the new, never half
 */
export function writePrivateFile(path: string, text: string): void {
  const temp = siblingTempPath(path, "tmp");
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const fd = openSync(temp, "wx", 0o600);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // the umask may have taken bits away, never added them; set the mode explicitly anyway
    chmodSync(temp, 0o600);
    renameSync(temp, path);
  } catch (error) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // the folder itself is the problem; nothing was left behind
    }
    throw error;
  }
}

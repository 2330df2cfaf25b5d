import { randomBytes } from "node:crypto";
import {
  chmodSync,
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { CliError } from "./cli-error.js";
import { ExitCode } from "./exit-codes.js";

/** the token file in the user's config folder */
export interface TokenStore {
  /** where the token lives */
  readonly path: string;
  /** the saved token, or undefined when none is saved */
  read(): string | undefined;
  /** true when people other than the owner may read the file */
  isReadableByOthers(): boolean;
  /** saves the token atomically, readable only by its owner */
  write(token: string): void;
  /** deletes the token file; false when there was none */
  remove(): boolean;
}

function errnoCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function fileError(action: string, path: string, error: unknown): CliError {
  const reason = errnoCode(error) ?? (error instanceof Error ? error.message : String(error));
  return new CliError(
    `Could not ${action} the token file ${path} (${reason}); check the folder's permissions and try again.`,
    ExitCode.failed,
  );
}

/** a token store for the file `token` inside configDir */
export function createTokenStore(configDir: string): TokenStore {
  const path = join(configDir, "token");
  return {
    path,
    read() {
      let text: string;
      try {
        text = readFileSync(path, "utf8");
      } catch (error) {
        if (errnoCode(error) === "ENOENT") return undefined;
        throw fileError("read", path, error);
      }
      const token = text.trim();
      return token === "" ? undefined : token;
    },
    isReadableByOthers() {
      if (process.platform === "win32") return false;
      try {
        return (statSync(path).mode & 0o077) !== 0;
      } catch {
        return false;
      }
    },
    write(token) {
      const dir = dirname(path);
      // a temp file in the same folder, then rename: readers see the old token or the new one, never half
      const temp = join(dir, `.token.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        const fd = openSync(temp, "wx", 0o600);
        try {
          writeSync(fd, `${token}\n`);
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
        throw fileError("write", path, error);
      }
    },
    remove() {
      try {
        rmSync(path);
        return true;
      } catch (error) {
        if (errnoCode(error) === "ENOENT") return false;
        throw fileError("delete", path, error);
      }
    },
  };
}

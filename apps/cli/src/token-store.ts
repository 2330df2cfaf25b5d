import { existsSync, linkSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { CliError } from "./cli-error.js";
import { ExitCode } from "./exit-codes.js";
import { siblingTempPath, writePrivateFile } from "./private-file.js";

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
  /**
   * deletes the token file only while it still holds this token: "deleted", "missing" when there was
   * none, or "replaced" when another token was saved meanwhile (which is kept)
   */
  removeIf(token: string): TokenRemoval;
}

/** what removeIf did */
export type TokenRemoval = "deleted" | "missing" | "replaced";

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
      try {
        writePrivateFile(path, `${token}\n`);
      } catch (error) {
        throw fileError("write", path, error);
      }
    },
    removeIf(token) {
      // take the file away first (rename is atomic), so a token another process saves from now on lands
      // beside it and is never the one deleted
      const taken = siblingTempPath(path, "old");
      try {
        renameSync(path, taken);
      } catch (error) {
        if (errnoCode(error) === "ENOENT") return "missing";
        throw fileError("delete", path, error);
      }
      let saved: string;
      try {
        saved = readFileSync(taken, "utf8").trim();
      } catch (error) {
        putBack(taken, path);
        throw fileError("read", path, error);
      }
      if (saved !== token) putBack(taken, path);
      rmSync(taken, { force: true });
      return saved === token ? "deleted" : "replaced";
    },
  };
}

/** puts a token file taken by removeIf back, unless an even newer one was saved meanwhile */
function putBack(taken: string, path: string): void {
  try {
    // a link fails when path exists again, where a rename would overwrite the newer token
    linkSync(taken, path);
    return;
  } catch (error) {
    if (errnoCode(error) === "EEXIST") return;
  }
  // a file system without hard links
  try {
    if (!existsSync(path)) renameSync(taken, path);
  } catch (error) {
    throw fileError("restore", path, error);
  }
}

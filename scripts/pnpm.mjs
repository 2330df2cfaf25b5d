#!/usr/bin/env node
// gets exactly the pnpm pinned in package.json into .tools/pnpm (no global install, no corepack)
// and runs it; used by `npm test`, `npm run demo` and as `node scripts/pnpm.mjs <args>`
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { cleanInstallEnv } from "./clean-env.mjs";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const toolDir = join(root, ".tools", "pnpm");
const pnpmEntry = join(toolDir, "node_modules", "pnpm", "bin", "pnpm.mjs");
export const pnpmBinDir = join(toolDir, "node_modules", ".bin");

/** the pnpm version package.json pins */
export function pinnedPnpmVersion() {
  const { packageManager } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const match = /^pnpm@(\d+\.\d+\.\d+)$/.exec(packageManager ?? "");
  if (!match) throw new Error(`package.json packageManager must be pnpm@X.Y.Z, found ${packageManager}`);
  return match[1];
}

function installedVersion() {
  const manifest = join(toolDir, "node_modules", "pnpm", "package.json");
  if (!existsSync(manifest)) return undefined;
  return JSON.parse(readFileSync(manifest, "utf8")).version;
}

/** installs the pinned pnpm when it is missing or another version; returns the command line to run it */
export function ensurePnpm() {
  const version = pinnedPnpmVersion();
  if (installedVersion() !== version) {
    process.stderr.write(`pulsekit: installing pnpm ${version} into .tools/pnpm\n`);
    const result = spawnSync(
      "npm",
      ["install", "--prefix", toolDir, "--no-audit", "--no-fund", "--no-save", "--loglevel=error", `pnpm@${version}`],
      { stdio: "inherit", cwd: root, env: cleanInstallEnv() },
    );
    if (result.status !== 0) throw new Error(`could not install pnpm ${version} (npm exited ${result.status})`);
  }
  return [process.execPath, pnpmEntry];
}

/** environment for child processes: pinned pnpm first on PATH, turbo telemetry off */
export function toolEnv(extra = {}) {
  return {
    ...process.env,
    PATH: `${pnpmBinDir}:${join(root, "node_modules", ".bin")}:${process.env.PATH ?? ""}`,
    TURBO_TELEMETRY_DISABLED: "1",
    DO_NOT_TRACK: "1",
    ...extra,
  };
}

/** runs pnpm with args; throws with the exit code when it fails */
export function pnpm(args, options = {}) {
  const [node, entry] = ensurePnpm();
  const result = spawnSync(node, [entry, ...args], { stdio: "inherit", cwd: root, env: toolEnv(), ...options });
  if (result.status !== 0) {
    const error = new Error(`pnpm ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
    error.exitCode = result.status ?? 1;
    throw error;
  }
  return result;
}

/** installs the workspace from the lockfile; a second run is a quick no-op */
export function installWorkspace() {
  pnpm(["install", "--frozen-lockfile", "--prefer-offline", "--reporter=append-only"]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    pnpm(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(error.exitCode ?? 1);
  }
}

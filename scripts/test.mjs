#!/usr/bin/env node
// `npm test`: pinned pnpm, install from the lockfile, build + typecheck + lint through turbo,
// every vitest project, then each package's real-host suite (`test:host`); closes with
// one line `N passed, N failed` counting every test, and fails when none ran
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ensurePnpm, installWorkspace, root, toolEnv } from "./pnpm.mjs";
import { ensureDebianPackages, MissingPrerequisiteError, TEST_PACKAGES } from "./system-packages.mjs";

const resultsDir = join(root, ".test-results");
let passed = 0;
let failed = 0;
const problems = [];

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", cwd: root, env: toolEnv(env) });
  return result.status ?? 1;
}

function step(label, fn) {
  process.stderr.write(`\n== ${label}\n`);
  const started = Date.now();
  let ok = false;
  try {
    ok = fn();
  } catch (error) {
    process.stderr.write(`${error instanceof MissingPrerequisiteError ? "missing: " : ""}${error.message}\n`);
  }
  process.stderr.write(`== ${label}: ${ok ? "ok" : "FAILED"} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  if (!ok) problems.push(label);
  return ok;
}

function finish() {
  if (problems.length > 0) process.stderr.write(`\nfailed steps: ${problems.join(", ")}\n`);
  process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
  process.exit(problems.length === 0 && failed === 0 && passed > 0 ? 0 : 1);
}

/** adds a results file's counts; a missing or unreadable file counts as one failure */
function countResults(file, label) {
  try {
    const data = JSON.parse(readFileSync(file, "utf8"));
    if ("numPassedTests" in data) {
      // vitest json reporter; a file that failed to load counts as a failure too
      const brokenFiles = (data.testResults ?? []).filter(
        (f) => f.status === "failed" && (f.assertionResults ?? []).length === 0,
      ).length;
      passed += data.numPassedTests;
      failed += data.numFailedTests + brokenFiles;
    } else {
      passed += data.passed;
      failed += data.failed;
    }
  } catch {
    failed += 1;
    problems.push(`${label} (no results)`);
  }
}

rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const [node, pnpmEntry] = ensurePnpm();
const pnpmRun = (args, env) => run(node, [pnpmEntry, ...args], env);

// what the tests install with apt (chromium, libkrb5-dev): asked for once, up front, so a machine
// without root or sudo hears it in one line instead of from every browser test
if (
  !step("system packages", () => {
    ensureDebianPackages(Object.keys(TEST_PACKAGES));
    return true;
  })
) {
  failed += 1;
  finish();
}

const install = () => {
  installWorkspace();
  return true;
};
if (!step("install", install)) {
  failed += 1;
  finish();
}
if (
  !step(
    "build, typecheck, lint",
    () => pnpmRun(["exec", "turbo", "run", "build", "typecheck", "lint", "--continue"]) === 0,
  )
) {
  failed += 1;
  finish();
}

step("unit, contract and protocol tests (vitest)", () => {
  const out = join(resultsDir, "vitest.json");
  const code = pnpmRun(["exec", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`]);
  countResults(out, "vitest");
  return code === 0;
});

// real-host suites: any workspace package with a `test:host` script writes {passed, failed} to PULSEKIT_RESULTS_FILE
for (const group of ["packages", "apps"]) {
  const dir = join(root, group);
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir).sort()) {
    const manifestPath = join(dir, name, "package.json");
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
    if (!manifest.scripts?.["test:host"]) continue;
    const file = join(resultsDir, `${name}-host.json`);
    step(`real-host tests of ${manifest.name}`, () => {
      const code = pnpmRun(["--filter", manifest.name, "run", "test:host"], { PULSEKIT_RESULTS_FILE: file });
      countResults(file, `${manifest.name} host`);
      return code === 0;
    });
  }
}

finish();

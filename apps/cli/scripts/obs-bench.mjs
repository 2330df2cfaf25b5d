#!/usr/bin/env node
// time from running `pulsekit widgets create --obs` to the browser source existing in a fake OBS, and to the
// command's exit, next to a plain `widgets create`; the emulator and the fake OBS run in this process.
// Needs a build (node scripts/pnpm.mjs exec turbo run build --filter=@pulsekit/cli...). `--runs N` (default 10)
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startEmulator } from "@pulsekit/emulator";
import { startFakeObs } from "@pulsekit/obs/fake";

const cliBin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const runsFlag = process.argv.indexOf("--runs");
const RUNS = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 10;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value) => `${value.toFixed(0)} ms`;

const home = mkdtempSync(join(tmpdir(), "pulsekit-obs-bench-"));
const emulator = await startEmulator({ port: 0 });
let sourceAt;
const obs = await startFakeObs({
  onRequest: (request) => {
    if (request.requestType === "CreateInput") sourceAt = performance.now();
  },
});
const env = {
  PATH: process.env.PATH ?? "",
  HOME: home,
  XDG_CONFIG_HOME: join(home, "config"),
  PULSOID_API_URL: emulator.url,
  PULSOID_TOKEN: emulator.seedToken({ scopes: ["widgets:read", "widgets:update"] }),
  OBS_WEBSOCKET_URL: obs.url,
};

/** runs the CLI once; resolves to the time to its exit, and to the source in OBS */
function timeRun(args) {
  return new Promise((resolve, reject) => {
    sourceAt = undefined;
    const started = performance.now();
    const child = spawn(process.execPath, [cliBin, ...args], { env, stdio: "ignore" });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`pulsekit ${args.join(" ")} exited ${code}`));
      else resolve({ exit: performance.now() - started, source: sourceAt && sourceAt - started });
    });
  });
}

try {
  const withObs = [];
  const plain = [];
  // alternate, so both see the same machine state; one warm-up of each first
  for (let run = -1; run < RUNS; run += 1) {
    const placed = await timeRun(["widgets", "create", "--name", `Bench ${run + 1}`, "--obs"]);
    const created = await timeRun(["widgets", "create", "--name", `Plain ${run + 1}`]);
    if (run >= 0) {
      withObs.push(placed);
      plain.push(created.exit);
    }
  }
  console.log(`pulsekit widgets create --obs, ${RUNS} runs (emulator and fake OBS on loopback):`);
  console.log(`  to the source in OBS  median ${ms(median(withObs.map((r) => r.source)))}`);
  console.log(`  to exit               median ${ms(median(withObs.map((r) => r.exit)))}`);
  console.log(`pulsekit widgets create (no OBS): to exit median ${ms(median(plain))}`);
} finally {
  await obs.close();
  await emulator.close();
  rmSync(home, { recursive: true, force: true });
}

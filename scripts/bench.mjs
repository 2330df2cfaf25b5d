#!/usr/bin/env node
// `pnpm bench`: latency of createWidget and listWidgets through @pulsekit/core versus a bare fetch of the
// same request, one at a time and 16 in flight, against the emulator on loopback (and one at a time with
// 20 ms of emulated network latency); the emulator's create throughput; the CLI's cold start and a whole
// `pulsekit widgets create`. Prints one table.
// flags: --no-setup (skip install and build), --quick (fewer requests, for a smoke run), --json (raw numbers)
import { spawn } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ensurePnpm, installWorkspace, pnpm, root } from "./pnpm.mjs";

const args = new Set(process.argv.slice(2));
const quick = args.has("--quick");
const sizes = quick
  ? { sequential: 40, parallel: 80, delayed: 8, warmup: 10, throttled: 20, cold: 3, cliCreate: 2 }
  : { sequential: 2000, parallel: 4800, delayed: 200, warmup: 200, throttled: 60, cold: 15, cliCreate: 8 };
// a nearby host on a real network: what the client's own cost amounts to outside loopback
const networkDelayMs = 20;
const inFlight = 16;
const listSize = 5;
const cliBin = join(root, "apps", "cli", "dist", "bin.js");
const scopes = ["widgets:read", "widgets:update"];
const basicBpm = "bf6bdf21-10a7-4a28-97ec-a239e6c77f8b";

function say(text) {
  process.stderr.write(`bench: ${text}\n`);
}

if (!args.has("--no-setup")) {
  ensurePnpm();
  installWorkspace();
  pnpm(["exec", "turbo", "run", "build", "--filter=@pulsekit/cli...", "--output-logs=errors-only"]);
}

const importBuilt = (pkg) => import(pathToFileURL(join(root, "packages", pkg, "dist", "index.js")).href);
const { createPulsoidClient, DEFAULT_RATE_LIMIT } = await importBuilt("core");
const { emulatorHooks } = await importBuilt("emulator");

/** the emulator's own bin in a child process, so its work and the client's do not share one event loop */
function startEmulatorProcess() {
  const child = spawn(process.execPath, [join(root, "packages", "emulator", "dist", "bin.js"), "--port", "0"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`the emulator exited (${code}) before it was ready: ${out}`)));
    child.stdout.setEncoding("utf8").on("data", (chunk) => {
      out += chunk;
      const url = /PULSOID_API_URL=(\S+)/.exec(out)?.[1];
      if (url) {
        child.removeAllListeners("exit");
        resolve({ url, stop: () => new Promise((done) => child.once("exit", done).kill("SIGTERM")) });
      }
    });
  });
}

const emulator = await startEmulatorProcess();
const hooks = emulatorHooks(emulator.url);
const token = `bench-${process.pid}-token`;
const widgetBody = { name: "Bench", configuration: { heartEnabled: true, heartColor: "#FF3355FF" } };

/** empties the emulator and puts the token (and a few widgets for list phases) back */
async function resetEmulator(widgets = 0) {
  await hooks.reset();
  await hooks.seedToken({ token, scopes });
  if (widgets > 0) {
    await hooks.seedWidgets(
      Array.from({ length: widgets }, (_, i) => ({ name: `W${i}`, meta_id: basicBpm, configuration: {} })),
    );
  }
}
await resetEmulator();

const unlimited = createPulsoidClient({ token, baseUrl: emulator.url, rateLimit: false });
const defaults = createPulsoidClient({ token, baseUrl: emulator.url });

// the same requests the client sends, with nothing in between
const headers = { authorization: `Bearer ${token}`, accept: "application/json" };
const bare = {
  async createWidget() {
    const response = await fetch(`${emulator.url}/api/v1/widgets`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ configuration: widgetBody.configuration, name: widgetBody.name, meta_id: basicBpm }),
    });
    if (!response.ok) throw new Error(`create answered ${response.status}`);
    return (await response.json()).widget;
  },
  async listWidgets() {
    const response = await fetch(`${emulator.url}/api/v1/widgets`, { headers });
    if (!response.ok) throw new Error(`list answered ${response.status}`);
    return (await response.json()).widgets;
  },
};
const viaClient = (client) => ({
  createWidget: () => client.createWidget(widgetBody),
  listWidgets: () => client.listWidgets(),
});

/** runs `count` calls with `concurrency` in flight; per-call latencies (ms), the wall time and this process's CPU time */
async function measure(call, count, concurrency) {
  const latencies = [];
  let next = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  async function worker() {
    while (next < count) {
      next += 1;
      const t = performance.now();
      await call();
      latencies.push(performance.now() - t);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const cpu = process.cpuUsage(cpuBefore);
  return { latencies, wallMs: performance.now() - started, cpuUs: cpu.user + cpu.system };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const median = (values) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

function summarize(runs) {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const wallMs = runs.reduce((sum, r) => sum + r.wallMs, 0);
  const cpuUs = runs.reduce((sum, r) => sum + r.cpuUs, 0);
  return {
    n: latencies.length,
    // cpu spent in this process per call: what the client itself costs, whatever the machine's load
    cpuPerCallUs: cpuUs / latencies.length,
    median: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    perSecond: (latencies.length / wallMs) * 1000,
  };
}

/**
 * bare and client alternate in short rounds, so that a burst of load from elsewhere hits both alike;
 * with `delayMs` the emulator holds each request that long first, like a host on the network would
 */
async function compare(
  op,
  concurrency,
  total,
  { perRound: roundSize = concurrency === 1 ? 50 : 160, delayMs = 0 } = {},
) {
  const widgets = op === "listWidgets" ? listSize : 0;
  const impls = { bare, client: viaClient(unlimited) };
  await resetEmulator(widgets);
  for (const impl of Object.values(impls)) await measure(impl[op], sizes.warmup, concurrency);
  const runs = { bare: [], client: [] };
  const perRound = Math.min(total, roundSize);
  const rounds = Math.ceil(total / perRound);
  for (let round = 0; round < rounds; round += 1) {
    for (const name of round % 2 === 0 ? ["bare", "client"] : ["client", "bare"]) {
      await resetEmulator(widgets);
      if (delayMs > 0) await hooks.addFault({ path: "/api/v1/widgets", delayMs, times: perRound });
      runs[name].push(await measure(impls[name][op], perRound, concurrency));
    }
  }
  // the ratio of each round's medians: how far one run's ratio can move on this machine
  const roundRatios = runs.client
    .map((run, i) => median(run.latencies) / median(runs.bare[i].latencies))
    .sort((a, b) => a - b);
  return {
    bare: summarize(runs.bare),
    client: summarize(runs.client),
    roundRatios: { p25: percentile(roundRatios, 25), p75: percentile(roundRatios, 75) },
  };
}

/** spawns the built CLI and resolves to the wall time; fails on a non-zero exit */
function timeCli(cliArgs, env = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [cliBin, ...cliArgs], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(performance.now() - started);
      else reject(new Error(`pulsekit ${cliArgs.join(" ")} exited ${code}: ${stderr.trim()}`));
    });
  });
}

async function timeCliRuns(count, cliArgs, env) {
  const times = [];
  for (let i = 0; i < count; i += 1) times.push(await timeCli(cliArgs, env));
  times.sort((a, b) => a - b);
  return { n: count, median: percentile(times, 50), p99: percentile(times, 99) };
}

const results = {};
try {
  for (const op of ["createWidget", "listWidgets"]) {
    say(`${op}: one at a time`);
    results[`${op} sequential`] = await compare(op, 1, sizes.sequential);
    say(`${op}: ${inFlight} in flight`);
    results[`${op} ${inFlight} in flight`] = await compare(op, inFlight, sizes.parallel);
  }
  say(`listWidgets: one at a time, ${networkDelayMs} ms away`);
  results[`listWidgets sequential, ${networkDelayMs} ms away`] = await compare("listWidgets", 1, sizes.delayed, {
    perRound: sizes.delayed / 4,
    delayMs: networkDelayMs,
  });

  say(`createWidget through the client with its default rate limit (${DEFAULT_RATE_LIMIT.limit} per second)`);
  await resetEmulator();
  results.throttled = summarize([await measure(viaClient(defaults).createWidget, sizes.throttled, inFlight)]);

  say("the CLI: cold start and a whole widgets create");
  const nodeOnly = [];
  for (let i = 0; i < sizes.cold; i += 1) {
    const started = performance.now();
    await new Promise((resolve) => spawn(process.execPath, ["-e", "0"]).on("close", resolve));
    nodeOnly.push(performance.now() - started);
  }
  nodeOnly.sort((a, b) => a - b);
  results.node = { n: sizes.cold, median: percentile(nodeOnly, 50), p99: percentile(nodeOnly, 99) };
  results.version = await timeCliRuns(sizes.cold, ["--version"]);
  await resetEmulator();
  results.cliCreate = await timeCliRuns(sizes.cliCreate, ["widgets", "create", "--name", "Bench"], {
    PULSOID_API_URL: emulator.url,
    PULSOID_TOKEN: token,
  });
} finally {
  await emulator.stop();
}

if (args.has("--json")) {
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  process.exit(0);
}

const ms = (value) => `${value.toFixed(2)} ms`;
const rate = (value) => `${Math.round(value)}/s`;
const us = (value) => (value === undefined ? "" : `${Math.round(value)} µs`);
const rows = [["what", "n", "median", "p99", "req/s", "CPU/call", "client/bare (median)"]];
/** one table row of a measured summary; rates and CPU only where they were measured */
const row = (label, summary, note = "") => [
  label,
  `${summary.n}`,
  ms(summary.median),
  ms(summary.p99),
  summary.perSecond === undefined ? "" : rate(summary.perSecond),
  us(summary.cpuPerCallUs),
  note,
];
for (const [label, { bare: b, client: c, roundRatios }] of Object.entries(results).filter(([, v]) => v.bare)) {
  rows.push(row(`${label}: bare fetch`, b));
  const ratio = c.median / b.median;
  const verdict = Number(ratio.toFixed(2)) <= 1.1 ? "target <= 1.10 met" : "over the 1.10 target";
  const spread = `rounds ${roundRatios.p25.toFixed(2)}-${roundRatios.p75.toFixed(2)}`;
  rows.push(row(`${label}: client`, c, `${ratio.toFixed(2)} (${verdict}; ${spread})`));
}
const emulatorRate = results[`createWidget ${inFlight} in flight`].bare.perSecond;
rows.push(["emulator throughput, create (bare, 16 in flight)", "", "", "", rate(emulatorRate), "", ""]);
rows.push(row(`createWidget: client, default rate limit, ${inFlight} in flight`, results.throttled));
rows.push(row("node -e 0 (for reference)", results.node));
rows.push(row("pulsekit --version (cold start)", results.version));
rows.push(row("pulsekit widgets create (whole run)", results.cliCreate));

const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
const line = (row) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(" | ")} |`;
const table = [line(rows[0]), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.slice(1).map(line)];
const machine = `${availableParallelism()} cores, load average ${loadavg()[0].toFixed(1)} at the end`;
process.stdout.write(
  `\nPulseKit client benchmark (${quick ? "quick" : "full"} run, Node ${process.version}, ${machine}; emulator in its own process on loopback)\n\n${table.join("\n")}\n`,
);

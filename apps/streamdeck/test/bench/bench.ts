// measures what a Stream Deck user feels; not a test: prints figures only
import { readFileSync, rmSync, statSync } from "node:fs";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { startEmulator } from "@pulsekit/emulator";
import { appDir, installPackedPlugin, packedPlugin } from "../support/plugin-package.js";
import { StreamDeckHost } from "../support/stream-deck-host.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1] ?? Number.NaN;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** resident memory of a process in bytes, from /proc */
function rss(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return Number(line?.match(/(\d+)/)?.[1] ?? Number.NaN) * 1024;
}

const emulator = await startEmulator({ port: 0 });
// a pass-through proxy in front of the emulator notes when each create arrives
const arrivals: number[] = [];
const proxy = createServer((req, res) => {
  if (req.method === "POST" && req.url === "/api/v1/widgets") arrivals.push(performance.now());
  const target = new URL(emulator.url);
  const forward = request(
    { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  req.pipe(forward);
});
await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

const pluginDir = await installPackedPlugin();
const token = emulator.seedToken({ scopes: ["widgets:read", "widgets:update"] });
const env = { PULSOID_API_URL: proxyUrl, PULSOID_OAUTH_URL: emulator.url };

// launch to registration, median of 5 cold starts
const registrations: number[] = [];
for (let i = 0; i < 5; i++) {
  const host = await StreamDeckHost.start({ pluginDir, env, globalSettings: { token } });
  registrations.push(host.registeredAt - host.launchedAt);
  await host.stop();
}

const host = await StreamDeckHost.start({ pluginDir, env, globalSettings: { token } });
const pid = host.child?.pid ?? 0;
await sleep(500);
const rssIdle = rss(pid);

// keyDown to the request reaching the emulator: 20 keys, one press each, one at a time
const latencies: number[] = [];
for (let i = 0; i < 20; i++) {
  const key = host.addKey({ name: `Latency ${i}` });
  await sleep(20);
  const before = arrivals.length;
  const sentAt = performance.now();
  host.press(key);
  await host.waitUntil(() => host.commands("showOk", key).length === 1, 10_000, "a created widget");
  latencies.push((arrivals[before] ?? Number.NaN) - sentAt);
}

// 100 presses: 10 keys, 10 rounds (each key cools down for 1.5 s after a widget); twice, to see whether it levels off
const keys = Array.from({ length: 10 }, (_, i) => host.addKey({ name: `Memory ${i} {counter}` }));
await sleep(50);
let round = 0;
async function hundredPresses(): Promise<number> {
  for (let i = 0; i < 10; i++) {
    round += 1;
    for (const key of keys) host.press(key);
    await host.waitUntil(
      () => keys.every((key) => host.commands("showOk", key).length === round),
      20_000,
      `round ${round} of presses`,
    );
    await sleep(1600);
  }
  return rss(pid);
}
const rssAfter = await hundredPresses();
const rssAfter200 = await hundredPresses();
const widgets = emulator.widgets().length;
await host.stop();
await emulator.close();
proxy.close();
rmSync(dirname(pluginDir), { recursive: true, force: true });

const bundle = statSync(join(appDir, "dev.pulsekit.widgets.sdPlugin/bin/plugin.js")).size;
const inspector = statSync(join(appDir, "dev.pulsekit.widgets.sdPlugin/ui/create-widget.js")).size;
const rows: [string, string][] = [
  ["bundle bin/plugin.js", kb(bundle)],
  ["inspector ui/create-widget.js", kb(inspector)],
  ["packed .streamDeckPlugin", kb(statSync(packedPlugin).size)],
  ["launch to registration (median of 5)", ms(median(registrations))],
  ["keyDown to request at the emulator (median of 20)", ms(median(latencies))],
  ["keyDown to request at the emulator (p95 of 20)", ms(p95(latencies))],
  ["plugin memory (RSS) when idle", mib(rssIdle)],
  ["plugin memory (RSS) after 100 presses", mib(rssAfter)],
  [`plugin memory (RSS) after 200 presses (${widgets} widgets in all)`, mib(rssAfter200)],
];
const width = Math.max(...rows.map(([label]) => label.length));
for (const [label, value] of rows) process.stdout.write(`${label.padEnd(width)}  ${value}\n`);

// measures what a Stream Deck user feels (Create Widget presses, the Heart Rate key); not a test: prints figures only
import { readFileSync, rmSync, statSync } from "node:fs";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { startEmulator } from "@pulsekit/emulator";
import { startFakeObs } from "@pulsekit/obs/fake";
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

// Add to OBS: keyDown to the browser source in the fake OBS (CreateInput arriving, then answered), and to the key's
// "Added to OBS"; 20 keys, one press each, one at a time, with a password so each press does the handshake too
const createInputs = new Map<string, number>();
const obs = await startFakeObs({
  password: "bench-password",
  scenes: ["Gameplay", "BRB"],
  onRequest: (request) => {
    if (request.requestType === "CreateInput")
      createInputs.set(String(request.requestData?.inputName), performance.now());
  },
});
const obsHost = await StreamDeckHost.start({
  pluginDir,
  env: { PULSOID_API_URL: emulator.url, PULSOID_OAUTH_URL: emulator.url },
  globalSettings: { token, obsUrl: obs.url, obsPassword: "bench-password" },
});
const toSource: number[] = [];
const toTitle: number[] = [];
for (let i = 0; i < 20; i++) {
  const name = `OBS bench ${i}`;
  const key = obsHost.addKey({ name, obs: { add: true } });
  await sleep(20);
  const sentAt = performance.now();
  obsHost.press(key);
  await obsHost.waitUntil(() => obsHost.titles(key).includes("Added\nto OBS"), 10_000, "the key to say Added to OBS");
  const titledAt = obsHost.frames.findLast((f) => f.message.event === "setTitle" && f.message.context === key)?.at;
  toSource.push((createInputs.get(name) ?? Number.NaN) - sentAt);
  toTitle.push((titledAt ?? Number.NaN) - sentAt);
}
const obsSources = obs.inputs().length;
await obsHost.stop();
await obs.close();

// the Heart Rate key: a reading leaving the emulator to its picture at the app, a dropped stream, 10,000 readings
const heartToken = emulator.seedToken({ scopes: ["widgets:read", "widgets:update", "data:heart_rate:read"] });
// straight to the emulator: the timing proxy above forwards plain HTTP only, not the WebSocket upgrade
const heartHost = await StreamDeckHost.start({
  pluginDir,
  env: { PULSOID_API_URL: emulator.url, PULSOID_OAUTH_URL: emulator.url },
  globalSettings: { token: heartToken },
});
const heartPid = heartHost.child?.pid ?? 0;
const heartKey = heartHost.addHeartRate();
// counted as frames arrive: scanning every frame on each check would slow the host down, not the plugin
let scanned = 0;
let pictureCount = 0;
const pictures = () => {
  for (; scanned < heartHost.frames.length; scanned++) {
    const { message } = heartHost.frames[scanned] as (typeof heartHost.frames)[number];
    if (message.event === "setImage" && message.context === heartKey) pictureCount++;
  }
  return pictureCount;
};
const streamOpen = () => emulator.realTimeConnections() === 1;
await heartHost.waitUntil(streamOpen, 10_000, "the real-time stream");

/** sends one reading and resolves with the time until the key's next picture reached the app */
async function readingToPicture(bpm: number): Promise<number> {
  const before = heartHost.frames.length;
  const count = pictures();
  const sentAt = performance.now();
  emulator.sendHeartRate(bpm);
  await heartHost.waitUntil(() => pictures() > count, 10_000, "the key's picture");
  const frame = heartHost.frames
    .slice(before)
    .find((f) => f.message.event === "setImage" && f.message.context === heartKey);
  return (frame?.at ?? Number.NaN) - sentAt;
}
const pictureLatencies: number[] = [];
for (let i = 0; i < 200; i++) {
  pictureLatencies.push(await readingToPicture(60 + (i % 120)));
  await sleep(5);
}

// a dropped stream: until the emulator has the plugin's new connection, and until the next reading is drawn
const reconnects: number[] = [];
const recoveries: number[] = [];
for (let i = 0; i < 5; i++) {
  const droppedAt = performance.now();
  emulator.dropRealTime();
  await heartHost.waitUntil(streamOpen, 20_000, "the reconnect");
  reconnects.push(performance.now() - droppedAt);
  await readingToPicture(100 + i);
  recoveries.push(performance.now() - droppedAt);
  await sleep(200);
}

/** user plus system CPU time of a process in ms, from /proc */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100;
}
const rssHeartIdle = rss(heartPid);
const cpuBefore = cpuMs(heartPid);
const startedAt = performance.now();
const firstPicture = pictures();
// 10,000 readings in batches of 50, each batch drawn before the next (about 1,000 readings a second)
for (let sent = 0; sent < 10_000; sent += 50) {
  for (let i = 0; i < 50; i++) emulator.sendHeartRate(50 + ((sent + i) % 150));
  await heartHost.waitUntil(() => pictures() >= firstPicture + sent + 50, 20_000, "the batch's pictures");
}
const heartSeconds = (performance.now() - startedAt) / 1000;
const heartCpu = cpuMs(heartPid) - cpuBefore;
const rssHeart = rss(heartPid);
const heartPictures = pictures() - firstPicture;
await heartHost.stop();
await emulator.close();
proxy.close();
rmSync(dirname(pluginDir), { recursive: true, force: true });

const bundle = statSync(join(appDir, "dev.pulsekit.widgets.sdPlugin/bin/plugin.js")).size;
const inspector = statSync(join(appDir, "dev.pulsekit.widgets.sdPlugin/ui/create-widget.js")).size;
const heartInspector = statSync(join(appDir, "dev.pulsekit.widgets.sdPlugin/ui/heart-rate.js")).size;
const rows: [string, string][] = [
  ["bundle bin/plugin.js", kb(bundle)],
  ["inspector ui/create-widget.js", kb(inspector)],
  ["inspector ui/heart-rate.js", kb(heartInspector)],
  ["packed .streamDeckPlugin", kb(statSync(packedPlugin).size)],
  ["launch to registration (median of 5)", ms(median(registrations))],
  ["keyDown to request at the emulator (median of 20)", ms(median(latencies))],
  ["keyDown to request at the emulator (p95 of 20)", ms(p95(latencies))],
  ["plugin memory (RSS) when idle", mib(rssIdle)],
  ["plugin memory (RSS) after 100 presses", mib(rssAfter)],
  [`plugin memory (RSS) after 200 presses (${widgets} widgets in all)`, mib(rssAfter200)],
  ["Add to OBS: keyDown to CreateInput at OBS (median of 20)", ms(median(toSource))],
  ["Add to OBS: keyDown to CreateInput at OBS (p95 of 20)", ms(p95(toSource))],
  [`Add to OBS: keyDown to "Added to OBS" on the key (median of 20; ${obsSources} sources)`, ms(median(toTitle))],
  ["heart rate: reading to the key's setImage (median of 200)", ms(median(pictureLatencies))],
  ["heart rate: reading to the key's setImage (p95 of 200)", ms(p95(pictureLatencies))],
  ["heart rate: drop to reconnected (median of 5)", ms(median(reconnects))],
  ["heart rate: drop to the next reading drawn (median of 5)", ms(median(recoveries))],
  ["heart rate: drop to the next reading drawn (worst of 5)", ms(Math.max(...recoveries))],
  ["heart rate: plugin memory (RSS) with one key, before the 10,000 readings", mib(rssHeartIdle)],
  [`heart rate: plugin memory (RSS) after 10,000 readings (${heartPictures} pictures)`, mib(rssHeart)],
  [
    `heart rate: plugin CPU time for 10,000 readings (${heartSeconds.toFixed(1)} s wall)`,
    `${heartCpu.toFixed(0)} ms (${(heartCpu / 10_000).toFixed(3)} ms a reading)`,
  ],
];
const width = Math.max(...rows.map(([label]) => label.length));
for (const [label, value] of rows) process.stdout.write(`${label.padEnd(width)}  ${value}\n`);

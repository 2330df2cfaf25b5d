#!/usr/bin/env node
// time from calling addWidgetToObs to the source existing in a fake OBS, and requests per add;
// run after `build`: node scripts/bench.mjs [runs]
import { performance } from "node:perf_hooks";
import { startFakeObs } from "../dist/fake/index.js";
import { addWidgetToObs, listObsScenes } from "../dist/index.js";

const runs = Number(process.argv[2] ?? 50);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value) => `${value.toFixed(2)} ms`;

let sourceAt = 0;
const fake = await startFakeObs({
  scenes: ["Gameplay", "BRB"],
  password: "bench-password",
  onRequest: (request) => {
    if (request.requestType === "CreateInput" || request.requestType === "SetInputSettings")
      sourceAt = performance.now();
  },
});
const connection = { url: fake.url, password: "bench-password" };
const widgetNumber = (n) => ({ id: `w${n}`, name: `Heart Rate ${n}`, url: `https://pulsoid.net/widget/view/w${n}` });

async function measure(label, add) {
  const untilSource = [];
  const total = [];
  const requests = new Set();
  for (let n = 0; n < runs; n += 1) {
    sourceAt = 0;
    const started = performance.now();
    const result = await add(n);
    total.push(performance.now() - started);
    untilSource.push(sourceAt - started);
    requests.add(result.requests);
  }
  rows.push({ label, untilSource: median(untilSource), total: median(total), requests: [...requests].join("/") });
}

const rows = [];
await addWidgetToObs({ ...connection, widget: widgetNumber("warm-up") });
await measure("create (program scene)", (n) => addWidgetToObs({ ...connection, widget: widgetNumber(n) }));
await measure("update, already in scene", (n) => addWidgetToObs({ ...connection, widget: widgetNumber(n) }));
await measure("update + add to named scene", (n) =>
  addWidgetToObs({ ...connection, widget: widgetNumber(n), scene: "BRB" }),
);
await measure("create in named scene", (n) =>
  addWidgetToObs({ ...connection, widget: widgetNumber(runs + n), scene: "BRB" }),
);
const listed = [];
for (let n = 0; n < runs; n += 1) {
  const started = performance.now();
  await listObsScenes(connection);
  listed.push(performance.now() - started);
}
await fake.close();

console.log(`@pulsekit/obs against the fake OBS (password set, JSON), median of ${runs} runs each`);
console.log("add                            call -> source exists   call -> resolved   requests");
for (const row of rows) {
  console.log(
    `${row.label.padEnd(30)} ${ms(row.untilSource).padStart(21)} ${ms(row.total).padStart(18)} ${row.requests.padStart(10)}`,
  );
}
console.log(`listObsScenes: ${ms(median(listed))} median, 1 request`);

// entry the extension host runs (`extensionTestsPath`): mocha over every *.test.cjs beside it,
// each test's outcome written as JSON to PULSEKIT_HOST_RESULTS for the harness to print
import { readdirSync, writeFileSync } from "node:fs";
import Mocha from "mocha";

/** one finished in-host test */
export interface HostTestResult {
  title: string;
  state: "passed" | "failed";
  durationMs: number;
  error?: string;
}

/** runs the suite; rejects when any test failed so the host exits non-zero */
export async function run(): Promise<void> {
  // PULSEKIT_HOST_GREP runs only the tests whose full title matches, to iterate on one part
  const grep = process.env.PULSEKIT_HOST_GREP;
  const mocha = new Mocha({ ui: "bdd", timeout: 60_000, color: false, reporter: "dot", ...(grep ? { grep } : {}) });
  for (const name of readdirSync(__dirname).sort()) {
    if (name.endsWith(".test.cjs")) mocha.addFile(`${__dirname}/${name}`);
  }
  const results: HostTestResult[] = [];
  const save = () => {
    const file = process.env.PULSEKIT_HOST_RESULTS;
    if (file) writeFileSync(file, JSON.stringify(results, null, 2));
  };
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run((count) => resolve(count));
    runner.on("pass", (test) => {
      results.push({ title: test.fullTitle(), state: "passed", durationMs: test.duration ?? 0 });
      save();
    });
    runner.on("fail", (test, error: Error) => {
      results.push({
        title: test.fullTitle(),
        state: "failed",
        durationMs: test.duration ?? 0,
        error: String(error?.stack ?? error),
      });
      save();
    });
  });
  save();
  if (failures > 0) throw new Error(`${failures} in-host test(s) failed`);
}

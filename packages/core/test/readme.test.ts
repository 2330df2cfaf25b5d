import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { emulatorHooks } from "@pulsekit/emulator";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getPreset } from "../src/index.js";
import { apiCalls, useEmulator } from "./emulator.js";
import { expectedValue, type ReadmeExample, readmeExamples } from "./readme-examples.js";

const ctx = useEmulator();
const CORE_SOURCE = fileURLToPath(new URL("../src/index.ts", import.meta.url));
const examples = readmeExamples(await readFile(new URL("../README.md", import.meta.url), "utf8"));

/** what each feature's example needs around it, besides printing what its comments say */
interface Feature {
  before?(): void;
  /** sees each printed value, as a user reading the terminal would */
  onPrint?(value: unknown): void;
  after?(): Promise<void> | void;
}

let approval: Promise<void> | undefined;

const FEATURES: Record<string, Feature> = {
  "The client: create a widget from a preset, list": {
    after() {
      expect(ctx.emulator.widgets()).toMatchObject([
        { name: "Stream overlay", configuration: getPreset("zones").configuration },
      ]);
    },
  },
  "Errors, and what to do next": {
    after() {
      expect(ctx.emulator.requests().map((request) => `${request.method} ${request.path} ${request.status}`)).toEqual([
        "GET /api/v1/widgets 403",
      ]);
    },
  },
  Presets: {},
  "Device sign-in": {
    before() {
      // one-second polls, and a code that expires soon so a missed approval fails fast
      ctx.emulator.configure({ deviceInterval: 1, deviceExpiresIn: 5 });
    },
    onPrint(value) {
      // the user reads the code and approves it on Pulsoid
      const userCode = /\b[B-Z]{4}-[B-Z]{4}\b/.exec(String(value))?.[0];
      if (userCode) approval ??= emulatorHooks(ctx.emulator.url).approveDevice(userCode);
    },
    async after() {
      await approval;
      expect(apiCalls(ctx.emulator)).toEqual([
        "POST /oauth2/device_authorization",
        "POST /oauth2/token",
        "GET /api/v1/token/validate",
      ]);
    },
  },
  "Merge patch": {},
};

let folder = "";
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "pulsekit-readme-"));
});
afterAll(() => rm(folder, { recursive: true, force: true }));
beforeEach(() => {
  approval = undefined;
  vi.stubEnv("PULSOID_TOKEN", ctx.token());
  vi.stubEnv("PULSOID_API_URL", ctx.emulator.url);
  vi.stubEnv("PULSOID_OAUTH_URL", ctx.emulator.url);
  vi.stubEnv("PULSOID_CLIENT_ID", "pulsekit-readme");
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

/** runs one example as its own module, with @pulsekit/core resolved to this package's source; returns what it printed */
async function run(example: ReadmeExample, feature: Feature): Promise<unknown[]> {
  const file = join(folder, `example-${example.line}.mts`);
  await writeFile(file, example.code.replaceAll('from "@pulsekit/core"', `from ${JSON.stringify(CORE_SOURCE)}`));
  const printed: unknown[][] = [];
  vi.spyOn(console, "log").mockImplementation((...values: unknown[]) => {
    printed.push(values);
    feature.onPrint?.(values[0]);
  });
  await import(/* @vite-ignore */ file);
  // checked here, not in the spy, where the example's own try/catch could swallow it
  expect(
    printed.filter((values) => values.length !== 1),
    "one value per console.log",
  ).toEqual([]);
  return printed.map(([value]) => value);
}

describe("the README examples", () => {
  it("has one example for each feature, and nothing else", () => {
    expect(examples.map((example) => example.heading)).toEqual(Object.keys(FEATURES));
  });

  it.each(examples)("runs the example under $heading and prints what its comments say", async (example) => {
    const feature = FEATURES[example.heading];
    if (!feature) throw new Error(`README line ${example.line}: no feature named "${example.heading}" in this test`);
    expect(example.code).toContain('from "@pulsekit/core"');
    expect(example.expected.length, "every example shows what it prints").toBeGreaterThan(0);
    feature.before?.();
    const printed = await run(example, feature);
    expect(printed).toEqual(example.expected.map(expectedValue));
    await feature.after?.();
  });
});

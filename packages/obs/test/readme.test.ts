import { readFile } from "node:fs/promises";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as fakeModule from "../src/fake/index.js";
import * as obsModule from "../src/index.js";
import { fakeObs } from "./fixtures.js";

const readme = await readFile(new URL("../README.md", import.meta.url), "utf8");

/** the ts block under a heading */
function example(heading: string): string {
  const section = readme.split(/^## /m).find((part) => part.startsWith(`${heading}\n`)) ?? "";
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (!code) throw new Error(`no example under "${heading}"`);
  return code;
}

/** runs an example with its imports bound to this package's source; returns what it printed */
async function run(code: string): Promise<unknown[]> {
  const printed: unknown[] = [];
  vi.spyOn(console, "log").mockImplementation((value) => printed.push(value));
  const body = code.replace(/^import .*$/gm, "");
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;
  await new AsyncFunction(
    "obsModule",
    "fakeModule",
    `const { ${Object.keys(obsModule).join(", ")} } = obsModule;
const { ${Object.keys(fakeModule).join(", ")} } = fakeModule;
${body}`,
  )(obsModule, fakeModule);
  return printed;
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe("README examples", () => {
  it("adds the widget with the address and password from the environment", async () => {
    const obs = await fakeObs({ password: "from-env" });
    vi.stubEnv("OBS_WEBSOCKET_URL", obs.url);
    vi.stubEnv("OBS_WEBSOCKET_PASSWORD", "from-env");

    const printed = await run(example("Example"));

    expect(printed).toEqual([{ action: "created", scene: "Scene", inputName: "Heart Rate", requests: 3 }]);
  });

  it("runs the fake OBS example and prints what its comments say", async () => {
    const printed = await run(example("The fake OBS"));

    expect(printed).toEqual([
      ["GetCurrentProgramScene", "GetInputSettings", "CreateInput"],
      [
        { sceneName: "Gameplay", sources: ["HR"] },
        { sceneName: "BRB", sources: [] },
      ],
    ]);
  });
});

import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "streamdeck",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // the protocol and browser tests start real processes: keep them one file at a time on 2 cores
    fileParallelism: false,
    testTimeout: 30_000,
    // a loaded 2-core machine can take seconds to start a plugin or a page
    expect: { poll: { timeout: 10_000, interval: 50 } },
    hookTimeout: 60_000,
  },
});

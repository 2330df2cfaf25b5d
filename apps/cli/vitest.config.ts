import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "cli",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // the end-to-end tests spawn the built binary and an emulator; give slow machines room
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});

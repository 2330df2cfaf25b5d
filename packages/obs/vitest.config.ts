import { defineProject } from "vitest/config";

export default defineProject({
  test: { name: "obs", include: ["src/**/*.test.ts", "test/**/*.test.ts"] },
});

import { defineProject } from "vitest/config";

// the repository's own tooling: what `npm test` and the real-host suites install and how
export default defineProject({
  test: { name: "scripts", include: ["test/**/*.test.mjs"], testTimeout: 60_000 },
});

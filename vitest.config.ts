import { defineConfig } from "vitest/config";

// one root config; each package brings its own project config
export default defineConfig({
  test: {
    projects: ["packages/*", "apps/*", "scripts"],
  },
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globals: true,
    include: ["__tests__/**/*.test.ts"],
    exclude: ["__tests__/integration/**"],
    globalSetup: ["__tests__/preflight.ts"],
    setupFiles: ["__tests__/setup.ts"],
    // Only the `terraform init/validate` test is slow; everything else synthesizes in memory.
    testTimeout: 120_000,
    // One module graph per worker, not per file: every file imports cdktf and the provider's classes,
    // which took most of the suite's time when each file loaded its own (the tests hold no state
    // between files; __tests__/setup.ts gives each file its own temporary folder).
    isolate: false,
  },
});

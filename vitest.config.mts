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
  },
});

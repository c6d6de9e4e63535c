import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globals: true,
    include: ["__tests__/integration/**/*.test.ts"],
    globalSetup: ["__tests__/preflight.ts"],
    setupFiles: ["__tests__/setup.ts"],
    // Each file starts its own moto server; files run side by side, the provider's waiters sleep.
    maxWorkers: 4,
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});

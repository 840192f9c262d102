import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      // tsconfig paths: "@/*" -> "./*"
      { find: /^@\//, replacement: `${root}/` },
      // lib code marks itself server-only; under Next that import resolves to an empty module
      // through the "react-server" condition. Tests are server code too.
      { find: /^server-only$/, replacement: path.join(root, "node_modules/server-only/empty.js") },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: ["tests/unit/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          environment: "node",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/integration/setup/global-setup.ts"],
          setupFiles: ["tests/integration/setup/env.ts"],
          // Each file gets its own database cloned from a template, so files may run in parallel;
          // the first seededTestDatabase() call of a run seeds the demo template (a few seconds).
          testTimeout: 30_000,
          hookTimeout: 120_000,
          // Most of a file's time is waiting on PostgreSQL: two files at once on two cores
          // (the default leaves one core to the main process).
          maxWorkers: 2,
        },
      },
    ],
  },
});

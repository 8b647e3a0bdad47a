import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

const integration = (name: "pglite" | "postgres") => ({
  extends: true as const,
  test: {
    name,
    include: ["tests/integration/**/*.test.ts"],
    // `npm run bench -- encryption` (never part of the test run).
    benchmark: { include: ["tests/bench/**/*.bench.ts"] },
    globalSetup: ["tests/support/global-setup.ts"],
    env: { TEST_DB_KIND: name },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // Server-only modules are tested directly, outside React's server environment.
      { find: /^server-only$/, replacement: `${root}/node_modules/server-only/empty.js` },
    ],
  },
  test: {
    // One worker per core: vitest's default (one core fewer) ran one file at a time on CI's two
    // cores, while PostgreSQL, the SMTP listener and child processes left the other half idle (decision 031).
    maxWorkers: "100%",
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      integration("pglite"),
      // The same integration suite against a real server, when one is configured.
      ...(process.env.TEST_DATABASE_URL ? [integration("postgres")] : []),
    ],
  },
});

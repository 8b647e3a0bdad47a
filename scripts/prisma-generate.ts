import { spawnSync } from "node:child_process";

/**
 * `prisma generate` never runs the schema engine, but the CLI tries to download it first,
 * which fails offline. Naming any existing executable as the engine skips the download.
 */
const result = spawnSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
process.exit(result.status ?? 1);

import { spawnSync } from "node:child_process";

/**
 * The cost of encryption at rest per signed-in page: tests/bench/encryption.bench.ts renders
 * /plan (200 items) and /notes (200 notes) against an encrypted and a plain copy of the same
 * data, on the embedded database, and vitest prints both means and their ratio.
 */
export async function run(): Promise<void> {
  const result = spawnSync("npx", ["vitest", "bench", "--run", "--project", "pglite", "tests/bench/encryption.bench.ts"], { stdio: "inherit" });
  if (result.status !== 0) throw new Error(`The encryption benchmark failed (exit ${result.status}).`);
}

import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { databaseTargetFromEnv } from "../lib/db/adapter.ts";
import { openAdapterOrExit } from "../lib/db/open-or-exit.ts";
import { applyPendingMigrations } from "../lib/db/migrations.ts";
import { ensureOwnerOnlyDir, restrictTreeToOwner, setOwnerOnlyUmask, writeOwnerOnlyFile } from "../lib/storage/owner-only.ts";

/**
 * The README's first command: migrate, seed the demo couple (embedded database only), build,
 * and serve. Flags: --skip-build serves the existing build; --no-demo skips the demo couple.
 */
const args = new Set(process.argv.slice(2));
const host = process.env.HOST || "127.0.0.1";
const port = process.env.PORT || "3000";
const url = process.env.NEXTAUTH_URL || `http://${host}:${port}`;
const target = databaseTargetFromEnv();

function run(command: string, commandArgs: string[], extraEnv: Record<string, string> = {}): void {
  const result = spawnSync(command, commandArgs, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** A secret made once per checkout and kept in .data/ (git-ignored), unless one is configured. */
function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.resolve(".data/auth-secret");
  if (!existsSync(file)) writeOwnerOnlyFile(file, randomBytes(32).toString("base64url"));
  return readFileSync(file, "utf8").trim();
}

// Everything this command and the server write under .data/ is the owner's alone (decision 024).
setOwnerOnlyUmask();
ensureOwnerOnlyDir(".data");
restrictTreeToOwner(".data");

const opened = openAdapterOrExit(target);
try {
  const applied = await applyPendingMigrations(opened.factory);
  console.log(applied.length ? `Database: applied ${applied.join(", ")}.` : "Database: up to date.");
} finally {
  await opened.close();
}

const seedDemo = !args.has("--no-demo") && (target.kind !== "postgres" || process.env.SEED_DEMO === "1");
if (seedDemo) run("npx", ["tsx", "--conditions=react-server", "scripts/db/seed.ts"]);
if (!args.has("--skip-build")) run("npx", ["next", "build"], { NEXT_TELEMETRY_DISABLED: "1", SKIP_BUILD_TYPECHECK: "1" });

// The next binary itself, not through npx: then the signals forwarded below reach the server.
const server = spawn(path.resolve("node_modules/.bin/next"), ["start", "-H", host, "-p", port], {
  stdio: ["ignore", "pipe", "inherit"],
  env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_URL: url, NEXTAUTH_SECRET: authSecret() },
});
server.stdout.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (chunk.toString().includes("Ready")) console.log(`\nCommon Ground is running at ${url}\n`);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { databaseTargetFromEnv, openAdapter } from "../lib/db/adapter.ts";
import { applyPendingMigrations } from "../lib/db/migrations.ts";

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
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

/**
 * The key-encryption key file, made once per checkout like the session secret (decision 022),
 * unless DATA_ENCRYPTION_KEY is set. A PostgreSQL server needs the variable: every instance
 * must use the same key, and it belongs outside the database host's disk.
 */
function ensureEncryptionKey(): void {
  if (process.env.DATA_ENCRYPTION_KEY) return;
  if (target.kind === "postgres") {
    console.error(
      "DATA_ENCRYPTION_KEY is required on a PostgreSQL server: every instance must encrypt with the same key. " +
        "Generate one with `openssl rand -base64 32`, keep it safe (the data cannot be read without it) and set it on every instance.",
    );
    process.exit(1);
  }
  const file = path.resolve(".data/encryption-key");
  if (existsSync(file)) return;
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
}

ensureEncryptionKey();
const opened = openAdapter(target);
try {
  const applied = await applyPendingMigrations(opened.factory);
  console.log(applied.length ? `Database: applied ${applied.join(", ")}.` : "Database: up to date.");
} finally {
  await opened.close();
}

// Encrypts, in place, whatever an older version stored in plain text (resumable; quick when done).
run("npx", ["tsx", "--conditions=react-server", "scripts/db/encrypt.ts"]);

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

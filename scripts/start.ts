import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { databaseTargetFromEnv } from "../lib/db/adapter.ts";
import { openAdapterOrExit } from "../lib/db/open-or-exit.ts";
import { applyPendingMigrations } from "../lib/db/migrations.ts";
import { withStartUpLock } from "../lib/db/start-up-lock.ts";
import { assertPostgresAnswers, serverOf } from "../lib/db/postgres-reachability.ts";
import { checkEnvironment } from "../lib/env.ts";
import { mailDestination } from "../lib/email/destination.ts";
import { KEY_FILE } from "../lib/crypto/key-encryption-keys.ts";
import { ensureOwnerOnlyDir, restrictTreeToOwner, setOwnerOnlyUmask, writeOwnerOnlyFile } from "../lib/storage/owner-only.ts";

/**
 * The README's first command: migrate, seed the demo couple (embedded database only), build,
 * and serve. Flags: --skip-build serves the existing build; --no-demo skips the demo couple.
 */
const args = new Set(process.argv.slice(2));
const host = process.env.HOST || "127.0.0.1";
const port = process.env.PORT || "3000";
const url = process.env.NEXTAUTH_URL || `http://${host}:${port}`;

/** Stops with the reason, and no stack trace: these are messages for whoever runs the app. */
function stop(message: string): never {
  console.error(message);
  process.exit(1);
}

// Where mail goes, said before anything else happens: a refusal stops here (lib/email/destination.ts).
const mail = mailDestination({ smtpUrl: process.env.SMTP_URL, host });
if (mail.kind === "refused") {
  console.error(mail.message);
  process.exit(1);
}
const mailNote =
  mail.kind === "smtp"
    ? `Mail: sent through ${mail.server} (SMTP_URL).`
    : `Mail: no SMTP_URL, so nothing leaves this computer; emails wait in the development outbox at ${url}/outbox.`;
console.log(mailNote);

function run(command: string, commandArgs: string[], extraEnv: Record<string, string> = {}): void {
  const result = spawnSync(command, commandArgs, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// On a PostgreSQL server every instance must be given the same secrets: none is made here.
const onServer = Boolean(process.env.DATABASE_URL);

/** A secret made once per checkout and kept in .data/ (git-ignored), unless one is configured (lib/env.ts requires it on a server). */
function authSecret(): string | undefined {
  if (process.env.NEXTAUTH_SECRET || onServer) return process.env.NEXTAUTH_SECRET;
  const file = path.resolve(".data/auth-secret");
  if (!existsSync(file)) writeOwnerOnlyFile(file, randomBytes(32).toString("base64url"));
  return readFileSync(file, "utf8").trim();
}

// Everything this command and the server write under .data/ is the owner's alone (decision 024).
setOwnerOnlyUmask();
ensureOwnerOnlyDir(".data");
restrictTreeToOwner(".data");

// The configuration the server will run with is checked before anything touches the database.
function checkedEnvironment() {
  try {
    return checkEnvironment({ ...process.env, NODE_ENV: "production", NEXTAUTH_URL: url, NEXTAUTH_SECRET: authSecret() });
  } catch (error) {
    stop(error instanceof Error ? error.message : String(error));
  }
}
const config = checkedEnvironment();
const reminderNote =
  config.REMINDER_DISPATCH === "app"
    ? `Reminders: sent by this server every ${config.REMINDER_SWEEP_SECONDS} s (REMINDER_DISPATCH=app; with several instances, each reminder still goes once).`
    : "Reminders: not sent by this server (REMINDER_DISPATCH=external); run `npm run reminders:worker`, or POST /api/cron/reminders every minute.";
const building = !args.has("--skip-build");
if (onServer && building && !process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY) {
  stop(
    "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is required to build on a PostgreSQL server: each build otherwise makes its own key, and a form one instance " +
      "renders is refused by another. Generate one with `openssl rand -base64 32` and set it wherever the app is built, or build once and start " +
      "every instance from that build with `npm start -- --skip-build`.",
  );
}
const target = databaseTargetFromEnv();

if (target.kind === "postgres") {
  console.log(`Database: PostgreSQL at ${serverOf(target.url)}.`);
  await assertPostgresAnswers(target.url, target.bounds).catch((error: Error) => stop(`Database: ${error.message}`));
}
/**
 * The key-encryption key file, made once per checkout like the session secret (decision 022),
 * unless DATA_ENCRYPTION_KEY is set (lib/env.ts requires it on a PostgreSQL server).
 */
function ensureEncryptionKey(): void {
  if (process.env.DATA_ENCRYPTION_KEY) return;
  const file = path.resolve(KEY_FILE);
  if (existsSync(file)) return;
  writeOwnerOnlyFile(file, `${randomBytes(32).toString("base64url")}\n`);
}

async function migrate(): Promise<void> {
  const opened = openAdapterOrExit(target);
  try {
    const applied = await applyPendingMigrations(opened.factory);
    console.log(applied.length ? `Database: applied ${applied.join(", ")}.` : "Database: up to date.");
  } catch (error) {
    console.error(error);
    stop("Database: the migrations could not be applied (the error is above); nothing was started.");
  } finally {
    await opened.close();
  }
}

ensureEncryptionKey();
const seedDemo = !args.has("--no-demo") && (target.kind !== "postgres" || process.env.SEED_DEMO === "1");
// Instances started together take turns here, so each step runs once (lib/db/start-up-lock.ts).
await withStartUpLock(
  target,
  async () => {
    await migrate();
    // Encrypts, in place, whatever an older version stored in plain text (resumable; quick when done).
    run("npx", ["tsx", "--conditions=react-server", "scripts/db/encrypt.ts"]);
    if (seedDemo) run("npx", ["tsx", "--conditions=react-server", "scripts/db/seed.ts"]);
  },
  { onWait: () => console.log("Database: another instance is migrating it; waiting for it to finish.") },
).catch((error: Error) => stop(`Database: ${error.message}`));

if (building) run("npx", ["next", "build"], { NEXT_TELEMETRY_DISABLED: "1", SKIP_BUILD_TYPECHECK: "1" });

// Node itself, not through npx: then the signals forwarded below reach the server. serve.ts is
// `next start` plus the client address taken from the socket (decision 020).
const server = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
  stdio: ["ignore", "pipe", "inherit"],
  // HOST tells the server whether the development outbox may exist (lib/email/config.ts).
  env: { ...process.env, HOST: host, PORT: port, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_URL: url, NEXTAUTH_SECRET: authSecret() },
});
server.stdout.on("data", (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (chunk.toString().includes("Ready")) console.log(`\nCommon Ground is running at ${url}\n${mailNote}\n${reminderNote}\n`);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

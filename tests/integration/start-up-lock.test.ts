import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { MIGRATIONS_DIR } from "@/lib/db/migrations";
import { START_UP_LOCK_KEY } from "@/lib/db/start-up-lock";
import { databaseUrl } from "../support/database-kind";
import { waitForConnectionsToEnd } from "../support/test-db";

/**
 * Several instances starting together on one PostgreSQL database take turns migrating it
 * (lib/db/start-up-lock.ts). `npm run db:migrate` takes the same lock as `npm start`, and is
 * the quicker of the two to run as separate processes here. The embedded database has no such
 * race: one process at a time opens its folder.
 */
const onPostgres = process.env.TEST_DB_KIND === "postgres";

type Migrator = { output: () => string; exit: Promise<number | null> };

function startMigrator(url: string): Migrator {
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/db/migrate.ts"], {
    env: { NODE_ENV: "production", PATH: process.env.PATH ?? "", DATABASE_URL: url },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { output: () => output, exit: new Promise((resolve) => child.on("exit", resolve)) };
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("Timed out waiting for a condition.");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const history = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe.runIf(onPostgres)("instances migrating one PostgreSQL database at the same time", () => {
  let admin: pg.Client;
  let database: string;
  let url: string;
  beforeAll(async () => {
    const { serverUrl } = inject("postgresTemplate");
    database = `planner_start_up_${randomBytes(6).toString("hex")}`;
    url = databaseUrl(serverUrl, database);
    admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
  });
  afterAll(async () => {
    await waitForConnectionsToEnd(admin, database);
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  });

  it("wait while another holds the start-up lock, then both succeed and each migration is applied once", { timeout: 180_000 }, async () => {
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    await holder.query("SELECT pg_advisory_lock($1)", [START_UP_LOCK_KEY]);
    const migrators = [startMigrator(url), startMigrator(url)];
    try {
      await until(() => migrators.every((migrator) => migrator.output().includes("waiting for it to finish")), 30_000);
      const { rows } = await holder.query<{ table: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS "table"`);
      expect(rows[0]?.table).toBeNull();
    } finally {
      await holder.end();
    }

    expect(await Promise.all(migrators.map((migrator) => migrator.exit))).toEqual([0, 0]);
    const outputs = migrators.map((migrator) => migrator.output());
    expect(outputs.filter((output) => output.includes(`Applied ${history.join(", ")} to the PostgreSQL server.`))).toHaveLength(1);
    expect(outputs.filter((output) => output.includes("the PostgreSQL server: migrations are up to date."))).toHaveLength(1);

    const recorded = new pg.Client({ connectionString: url });
    await recorded.connect();
    try {
      const { rows } = await recorded.query<{ migration_name: string }>(
        `SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL ORDER BY "migration_name"`,
      );
      expect(rows.map((row) => row.migration_name)).toEqual(history);
    } finally {
      await recorded.end();
    }
  });
});

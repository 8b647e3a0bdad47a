import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { inject } from "vitest";
import type { KeyEncryptionKeys } from "@/lib/crypto/key-encryption-keys";
import { openAdapter, type PostgresBounds } from "@/lib/db/adapter";
import { createDbClient } from "@/lib/db/create-client";
import type { Db } from "@/lib/db/types";
import { databaseUrl, type TestDatabaseKind } from "./database-kind";
import { TEST_KEYS } from "./encryption-keys";

export type TestDb = {
  db: Db;
  kind: TestDatabaseKind;
  /** The database's URL on the PostgreSQL server, for a process of the app's own; null on PGlite (one process only). */
  url: string | null;
  /** Counts the SQL statements sent through `db` (for query-count assertions). */
  queries: { count: number };
  /** Another client on the same database, e.g. with other keys or a cold key cache; closed with it. */
  openClient: (keys: KeyEncryptionKeys) => Db;
  /** Every byte the database holds: PGlite's data folder (as a tar), or `pg_dump`'s output. */
  dump: () => Promise<Buffer>;
  close: () => Promise<void>;
};

function kindOfThisProject(): TestDatabaseKind {
  const kind = process.env.TEST_DB_KIND;
  if (kind !== "pglite" && kind !== "postgres") throw new Error("Integration tests run in the pglite or postgres vitest project.");
  return kind;
}

function countingClient(factory: ReturnType<typeof openAdapter>["factory"]) {
  const queries = { count: 0 };
  const db = createDbClient(factory, {
    keys: TEST_KEYS,
    onQuery: () => {
      queries.count += 1;
    },
  });
  return { db, queries };
}

/**
 * A fresh, migrated database of this project's kind, for one test file. `postgresBounds`
 * shortens the server's waits (time-outs) for tests of those waits.
 */
export async function createTestDb(options: { postgresBounds?: Partial<PostgresBounds> } = {}): Promise<TestDb> {
  const kind = kindOfThisProject();
  if (kind === "pglite") {
    const snapshot = new Blob([readFileSync(inject("pgliteSnapshotPath"))]);
    // Opened here rather than through openAdapter, to keep the instance for dump().
    const pglite = new PGlite({ loadDataDir: snapshot });
    const { db, queries } = countingClient(new PrismaPGlite(pglite));
    const others: Db[] = [];
    return {
      db,
      kind,
      url: null,
      queries,
      openClient: (keys) => {
        others.push(createDbClient(new PrismaPGlite(pglite), { keys }));
        return others.at(-1)!;
      },
      dump: async () => Buffer.from(await (await pglite.dumpDataDir("none")).arrayBuffer()),
      close: async () => {
        for (const other of others) await other.$disconnect();
        await db.$disconnect();
        await pglite.close();
      },
    };
  }
  const template = inject("postgresTemplate");
  const database = `planner_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: template.serverUrl });
  await admin.connect();
  await createFromTemplate(admin, database, template.database);
  const url = databaseUrl(template.serverUrl, database);
  const opened = openAdapter({ kind: "postgres", url, bounds: options.postgresBounds });
  const { db, queries } = countingClient(opened.factory);
  const others: { db: Db; close: () => Promise<void> }[] = [];
  return {
    db,
    kind,
    url,
    queries,
    openClient: (keys) => {
      const another = openAdapter({ kind: "postgres", url });
      others.push({ db: createDbClient(another.factory, { keys }), close: another.close });
      return others.at(-1)!.db;
    },
    dump: async () => (await promisify(execFile)("pg_dump", ["--dbname", url], { encoding: "buffer", maxBuffer: 256 * 1024 * 1024 })).stdout,
    close: async () => {
      for (const other of others) {
        await other.db.$disconnect();
        await other.close();
      }
      await db.$disconnect();
      await opened.close();
      await waitForConnectionsToEnd(admin, database);
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Copying a template fails while another copy is being made from it; wait and try again. */
async function createFromTemplate(admin: pg.Client, database: string, template: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await admin.query(`CREATE DATABASE "${database}" TEMPLATE "${template}"`);
      return;
    } catch (error) {
      const busy = error instanceof Error && /being accessed by other users/.test(error.message);
      if (!busy || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
    }
  }
}

/**
 * pg's Pool.end() resolves before its clients' sockets have closed; a forced drop would then
 * kill those connections and their clients would raise unhandled errors. Wait for them first.
 */
export async function waitForConnectionsToEnd(admin: pg.Client, database: string): Promise<void> {
  for (let attempt = 1; attempt <= 100; attempt += 1) {
    const { rows } = await admin.query<{ open: number }>("SELECT count(*)::int AS open FROM pg_stat_activity WHERE datname = $1", [database]);
    if (rows[0]?.open === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

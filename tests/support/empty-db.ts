import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import pg from "pg";
import { openAdapter, type OpenedAdapter } from "@/lib/db/adapter";
import { createDbClient } from "@/lib/db/create-client";
import type { Db } from "@/lib/db/types";
import { databaseUrl, type TestDatabaseKind } from "./database-kind";
import { TEST_KEYS } from "./encryption-keys";
import { waitForConnectionsToEnd } from "./test-db";

export type EmptyDb = { kind: TestDatabaseKind; factory: OpenedAdapter["factory"]; db: Db; close: () => Promise<void> };

/**
 * A database with nothing in it, not even the migrations, of this project's kind: an
 * in-memory PGlite, or a new database on the local server. For tests of migrating itself.
 */
export async function createEmptyDb(): Promise<EmptyDb> {
  const kind = process.env.TEST_DB_KIND;
  if (kind === "pglite") {
    const opened = openAdapter({ kind: "pglite-memory" });
    const db = createDbClient(opened.factory, { keys: TEST_KEYS });
    return {
      kind,
      factory: opened.factory,
      db,
      close: async () => {
        await db.$disconnect();
        await opened.close();
      },
    };
  }
  if (kind !== "postgres") throw new Error("Integration tests run in the pglite or postgres vitest project.");
  const { serverUrl } = inject("postgresTemplate");
  const database = `planner_empty_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  const opened = openAdapter({ kind: "postgres", url: databaseUrl(serverUrl, database) });
  const db = createDbClient(opened.factory, { keys: TEST_KEYS });
  return {
    kind,
    factory: opened.factory,
    db,
    close: async () => {
      await db.$disconnect();
      await opened.close();
      await waitForConnectionsToEnd(admin, database);
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

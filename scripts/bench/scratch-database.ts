import { randomBytes } from "node:crypto";
import pg from "pg";
import { assertLocalServer, databaseUrl } from "../../tests/support/database-kind.ts";

export type ScratchDatabase = { url: string; drop: () => Promise<void> };

/**
 * A fresh database named `<prefix>_<random>` on the local PostgreSQL server at
 * TEST_DATABASE_URL (default 127.0.0.1:5432), for one benchmark; `drop` removes it. Null, with
 * a line saying so, when no server answers.
 */
export async function scratchPostgresDatabase(prefix: string): Promise<ScratchDatabase | null> {
  const serverUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  assertLocalServer(serverUrl);
  const admin = new pg.Client({ connectionString: serverUrl });
  try {
    await admin.connect();
  } catch (error) {
    console.log(`${prefix} on PostgreSQL: skipped, no server answers at ${serverUrl} (${String(error)})`);
    return null;
  }
  const database = `${prefix}_${randomBytes(4).toString("hex")}`;
  await admin.query(`CREATE DATABASE "${database}"`);
  return {
    url: databaseUrl(serverUrl, database),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** The same, for benchmarks that measure PostgreSQL only: no server is an error. */
export async function requireScratchPostgresDatabase(prefix: string): Promise<ScratchDatabase> {
  const scratch = await scratchPostgresDatabase(prefix);
  if (!scratch) throw new Error(`${prefix} needs a PostgreSQL server (TEST_DATABASE_URL, or one on 127.0.0.1:5432).`);
  return scratch;
}

import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { openPGliteFolder } from "./pglite-folder";

/**
 * Where the data lives. The one place that knows whether the app runs on the embedded
 * PGlite default or on a PostgreSQL server; everything else receives an adapter.
 */
export type DatabaseTarget =
  | { kind: "postgres"; url: string }
  | { kind: "pglite"; dataDir: string }
  | { kind: "pglite-memory"; seed?: Blob };

export const DEFAULT_PGLITE_DIR = ".data/pglite";

export function databaseTargetFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  if (env.DATABASE_URL) return { kind: "postgres", url: env.DATABASE_URL };
  return { kind: "pglite", dataDir: env.PGLITE_DATA_DIR || DEFAULT_PGLITE_DIR };
}

export type OpenedAdapter = {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Releases the database: closes PGlite (one process per data folder) or ends the pool. */
  close: () => Promise<void>;
};

export function openAdapter(target: DatabaseTarget): OpenedAdapter {
  if (target.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    return { factory: new PrismaPg(pool), close: () => pool.end() };
  }
  if (target.kind === "pglite") {
    // Locked, owner-only and durable; a second process opening it stops with a clear message.
    const folder = openPGliteFolder(target.dataDir);
    return { factory: new PrismaPGlite(folder.pglite), close: folder.close };
  }
  const pglite = new PGlite(target.seed ? { loadDataDir: target.seed } : {});
  return { factory: new PrismaPGlite(pglite), close: () => pglite.close() };
}

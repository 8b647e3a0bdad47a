import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { parseDatabaseEnv } from "./database-env";
import { openPGliteFolder } from "./pglite-folder";

/**
 * Where the data lives. The one place that knows whether the app runs on the embedded
 * PGlite default or on a PostgreSQL server; everything else receives an adapter.
 */
export type DatabaseTarget =
  | { kind: "postgres"; url: string; bounds?: Partial<PostgresBounds> }
  | { kind: "pglite"; dataDir: string }
  | { kind: "pglite-memory"; seed?: Blob };

export const DEFAULT_PGLITE_DIR = ".data/pglite";

/** Throws, naming each wrong setting, when the database configuration is not valid. */
export function databaseTargetFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const settings = parseDatabaseEnv(env);
  if (settings.DATABASE_URL) {
    return {
      kind: "postgres",
      url: settings.DATABASE_URL,
      bounds: { connectTimeoutMs: settings.DATABASE_CONNECT_TIMEOUT_MS, statementTimeoutMs: settings.DATABASE_STATEMENT_TIMEOUT_MS },
    };
  }
  return { kind: "pglite", dataDir: settings.PGLITE_DATA_DIR || DEFAULT_PGLITE_DIR };
}

/**
 * Every wait on a PostgreSQL server has an end, so a held lock or a lost network gives an error
 * in seconds instead of freezing every request: connecting, each statement (on the server, and
 * on this side too, where a partition leaves no server to time out), a transaction left idle
 * (its locks are released), and a silent peer (TCP keepalive).
 */
export type PostgresBounds = {
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
  keepAliveInitialDelayMs: number;
};

export const DEFAULT_POSTGRES_BOUNDS: PostgresBounds = {
  connectTimeoutMs: 5_000,
  statementTimeoutMs: 15_000,
  idleInTransactionTimeoutMs: 10_000,
  keepAliveInitialDelayMs: 10_000,
};

/** The client side gives the server this long past its own statement timeout to say so first. */
const SERVER_ANSWER_GRACE_MS = 2_000;

export function postgresPoolConfig(url: string, given: Partial<PostgresBounds> = {}): pg.PoolConfig {
  const bounds = { ...DEFAULT_POSTGRES_BOUNDS, ...given };
  return {
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: bounds.connectTimeoutMs,
    statement_timeout: bounds.statementTimeoutMs,
    query_timeout: bounds.statementTimeoutMs + SERVER_ANSWER_GRACE_MS,
    idle_in_transaction_session_timeout: bounds.idleInTransactionTimeoutMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: bounds.keepAliveInitialDelayMs,
  };
}

export type OpenedAdapter = {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Releases the database: closes PGlite (one process per data folder) or ends the pool. */
  close: () => Promise<void>;
};

export function openAdapter(target: DatabaseTarget): OpenedAdapter {
  if (target.kind === "postgres") {
    const pool = new pg.Pool(postgresPoolConfig(target.url, target.bounds));
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

import pg from "pg";
import { postgresPoolConfig, type DatabaseTarget } from "./adapter";

/**
 * The steps that change a PostgreSQL database when an instance starts (migrations, encryption
 * in place, the demo seed) run in one instance at a time, under a session advisory lock held
 * on a connection of its own. Prisma's schema engine takes its own lock (72707369) inside,
 * but gives up after 10 seconds, so an instance starting while another migrates a larger
 * database failed; this lock waits as long as a migration may take. The embedded database
 * needs none: one process at a time opens its folder.
 */

/** "CGSU" (Common Ground start-up) as a number; any key but Prisma's own would do. */
export const START_UP_LOCK_KEY = 0x43475355;

/** How long an instance waits for another to finish its start-up steps before giving up. */
export const START_UP_LOCK_WAIT_MS = 10 * 60_000;

type LockOptions = { onWait?: () => void; waitMs?: number };

export async function withStartUpLock<T>(target: DatabaseTarget, run: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  if (target.kind !== "postgres") return run();
  const waitMs = options.waitMs ?? START_UP_LOCK_WAIT_MS;
  const config = postgresPoolConfig(target.url, target.bounds);
  const client = new pg.Client({ ...config, statement_timeout: waitMs, query_timeout: waitMs + 5_000 });
  // A lost connection releases the lock on the server; the steps still running go on under
  // Prisma's own lock, and their own errors say what failed.
  client.on("error", (error) => console.error(`The start-up lock's connection failed: ${error.message}`));
  await client.connect();
  try {
    const first = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [START_UP_LOCK_KEY]);
    if (!first.rows[0]?.locked) {
      options.onWait?.();
      await client.query("SELECT pg_advisory_lock($1)", [START_UP_LOCK_KEY]).catch((error: Error) => {
        throw new Error(
          `Another instance has been migrating this database for ${Math.round(waitMs / 60_000)} minutes, or holds the start-up lock without migrating ` +
            `(pg_locks, objid ${START_UP_LOCK_KEY}). Nothing was changed here.`,
          { cause: error },
        );
      });
    }
    return await run();
  } finally {
    // Ending the session releases its advisory locks.
    await client.end();
  }
}

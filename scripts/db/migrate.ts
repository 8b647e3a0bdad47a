import { databaseTargetFromEnv } from "../../lib/db/adapter.ts";
import { openAdapterOrExit } from "../../lib/db/open-or-exit.ts";
import { applyPendingMigrations } from "../../lib/db/migrations.ts";
import { assertPostgresAnswers } from "../../lib/db/postgres-reachability.ts";
import { withStartUpLock } from "../../lib/db/start-up-lock.ts";

// Applies pending migrations to DATABASE_URL, or to the embedded PGlite folder when it is unset.
const target = databaseTargetFromEnv();
// A server that does not answer is reported in words within the connect time-out, not as a hang.
if (target.kind === "postgres") await assertPostgresAnswers(target.url, target.bounds);
// Under the same lock as npm start's steps: an instance starting meanwhile waits for this run.
await withStartUpLock(
  target,
  async () => {
    const db = openAdapterOrExit(target);
    try {
      const applied = await applyPendingMigrations(db.factory);
      const where = target.kind === "postgres" ? "the PostgreSQL server" : `PGlite (${target.kind === "pglite" ? target.dataDir : "memory"})`;
      console.log(applied.length ? `Applied ${applied.join(", ")} to ${where}.` : `${where}: migrations are up to date.`);
    } finally {
      await db.close();
    }
  },
  { onWait: () => console.log("Another instance is migrating this database; waiting for it to finish.") },
);

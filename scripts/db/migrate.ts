import { databaseTargetFromEnv } from "../../lib/db/adapter.ts";
import { openAdapterOrExit } from "../../lib/db/open-or-exit.ts";
import { applyPendingMigrations } from "../../lib/db/migrations.ts";

// Applies pending migrations to DATABASE_URL, or to the embedded PGlite folder when it is unset.
const target = databaseTargetFromEnv();
const db = openAdapterOrExit(target);
try {
  const applied = await applyPendingMigrations(db.factory);
  const where = target.kind === "postgres" ? "the PostgreSQL server" : `PGlite (${target.kind === "pglite" ? target.dataDir : "memory"})`;
  console.log(applied.length ? `Applied ${applied.join(", ")} to ${where}.` : `${where}: migrations are up to date.`);
} finally {
  await db.close();
}

import { openAdapter } from "../../lib/db/adapter.ts";
import { writeNewMigration } from "../../lib/db/migrations.ts";

// Usage: npm run db:new-migration -- <name>. Needs no database: the history is replayed in memory.
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Give the migration a name of lowercase letters, digits and underscores, e.g. add_couples.");
  process.exit(1);
}
const shadow = openAdapter({ kind: "pglite-memory" });
try {
  const written = await writeNewMigration(shadow.factory, name);
  console.log(written ? `Wrote prisma/migrations/${written}/migration.sql` : "The schema matches the migrations: nothing to write.");
} finally {
  await shadow.close();
}

import { parseArgs } from "node:util";
import { databaseTargetFromEnv } from "../../lib/db/adapter.ts";
import { restoreBackup } from "../../lib/storage/backup.ts";

// Usage: npm run db:restore -- <backup folder>. Stop the app first (README, "Backups").
const { positionals } = parseArgs({ allowPositionals: true });
if (positionals.length !== 1) {
  console.error("Give the backup folder to restore, e.g. npm run db:restore -- .data/backups/common-ground-2026-01-31T18-00-00Z");
  process.exit(1);
}
const target = databaseTargetFromEnv();
if (target.kind === "pglite-memory") throw new Error("An in-memory database cannot be restored into.");

try {
  const { manifest, previous } = await restoreBackup(target, positionals[0]!);
  const where = target.kind === "pglite" ? target.dataDir : "the PostgreSQL server at DATABASE_URL";
  console.log(`Restored the backup of ${manifest.createdAt} into ${where}.`);
  if (previous) console.log(`The database it replaced is kept at ${previous}: delete it once you are sure you do not need it.`);
  console.log("npm start applies any newer migrations before it serves.");
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

import { parseArgs } from "node:util";
import { databaseTargetFromEnv } from "../../lib/db/adapter.ts";
import { DEFAULT_BACKUP_ROOT, takeBackup } from "../../lib/storage/backup.ts";

// Usage: npm run db:backup [-- --out DIR]. Works while the app runs (README, "Backups").
const { values } = parseArgs({ options: { out: { type: "string" } } });
const target = databaseTargetFromEnv();
if (target.kind === "pglite-memory") throw new Error("An in-memory database has nothing to back up.");

try {
  const { dir, manifest, via } = await takeBackup(target, { root: values.out ?? DEFAULT_BACKUP_ROOT });
  console.log(`Backup written to ${dir} (${(manifest.bytes / 1024).toFixed(0)} KiB, from ${via}). Only your account can read it.`);
  if (manifest.encryptionKey) {
    console.log(
      `It is encrypted under the key in ${manifest.encryptionKey.source} (fingerprint ${manifest.encryptionKey.fingerprint}).\n` +
        "The backup is useless without that key, and the key is not in it: keep a copy of the key somewhere safe, apart from the backups.",
    );
  } else {
    console.log("No encryption key is configured: the private text in this backup is readable by whoever gets it. Keep it as safe as the data.");
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

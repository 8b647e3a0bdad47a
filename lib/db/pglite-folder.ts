import type { PGlite } from "@electric-sql/pglite";
import { serveBackups } from "../storage/backup-channel";
import { lockFolder } from "../storage/folder-lock";
import { ensureOwnerOnlyDir, restrictTreeToOwner, setOwnerOnlyUmask } from "../storage/owner-only";
import { createFolderPGlite } from "./pglite-folder-fs";

export type OpenedPGliteFolder = { pglite: PGlite; close: () => Promise<void> };

/**
 * The one way to open the embedded database folder (decision 024): lock it first (a second
 * opener stops here, before touching anything), keep it owner-only, start PostgreSQL with
 * durable writes, and answer `npm run db:backup` while this process holds it.
 */
export function openPGliteFolder(dataDir: string): OpenedPGliteFolder {
  const lock = lockFolder(dataDir);
  try {
    setOwnerOnlyUmask();
    ensureOwnerOnlyDir(dataDir);
    restrictTreeToOwner(dataDir);
    const pglite = createFolderPGlite(dataDir);
    const backups = serveBackups(pglite, dataDir);
    return {
      pglite,
      close: async () => {
        try {
          await backups.close();
          await pglite.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

import { chmodSync, lstatSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isMainThread } from "node:worker_threads";

/**
 * Everything the app keeps under `.data/` (the embedded database, its write-ahead log, the
 * secrets, backups) is readable by the account that runs the app and nobody else: folders
 * 0700, files 0600.
 */
export const OWNER_ONLY_DIR_MODE = 0o700;
export const OWNER_ONLY_FILE_MODE = 0o600;
const GROUP_AND_OTHER_BITS = 0o077;

/**
 * New files and folders of this process (and of the processes it starts) get no group or
 * other permissions, whatever mode the code creating them asks for. A worker thread cannot
 * change the umask; it can only check that its process already has this one.
 */
export function setOwnerOnlyUmask(): void {
  if (isMainThread) {
    process.umask(GROUP_AND_OTHER_BITS);
    return;
  }
  const current = process.umask();
  if ((current & GROUP_AND_OTHER_BITS) !== GROUP_AND_OTHER_BITS) {
    throw new Error(`This worker thread's process has umask ${current.toString(8)}; open the data folder from the main thread first.`);
  }
}

/** Creates the folder (and missing parents) owner-only, and makes it owner-only if it existed. */
export function ensureOwnerOnlyDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: OWNER_ONLY_DIR_MODE });
  chmodSync(dir, OWNER_ONLY_DIR_MODE);
}

/** Writes a file that only its owner can read, in an owner-only folder. */
export function writeOwnerOnlyFile(file: string, data: string | Uint8Array): void {
  ensureOwnerOnlyDir(path.dirname(file));
  writeFileSync(file, data, { mode: OWNER_ONLY_FILE_MODE });
  chmodSync(file, OWNER_ONLY_FILE_MODE);
}

/**
 * Takes group and other permissions away from a folder and everything in it (files left by
 * an older version, or copied in by hand). Symbolic links are not followed: they may point
 * anywhere, and their own mode means nothing on Linux.
 */
export function restrictTreeToOwner(root: string): void {
  const stat = lstatSync(root, { throwIfNoEntry: false });
  if (!stat || stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    if ((stat.mode & 0o777) !== OWNER_ONLY_DIR_MODE) chmodSync(root, OWNER_ONLY_DIR_MODE);
    for (const entry of readdirSync(root)) restrictTreeToOwner(path.join(root, entry));
    return;
  }
  if ((stat.mode & GROUP_AND_OTHER_BITS) !== 0) chmodSync(root, stat.mode & 0o700);
}

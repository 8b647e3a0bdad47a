import { closeSync, constants, ftruncateSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import path from "node:path";
import { tryLock, unlock } from "fs-native-extensions";
import { OWNER_ONLY_DIR_MODE, OWNER_ONLY_FILE_MODE } from "./owner-only";

/**
 * One process at a time per embedded data folder. PGlite's own lock cannot tell two processes
 * apart (each reports the same pid inside WebAssembly), and a second opener corrupts the
 * folder, so every process that opens it first takes an exclusive OS lock on `<folder>.lock`
 * (an open-file-description lock, fcntl F_OFD_SETLK on Linux; decision 024). The kernel drops
 * the lock when its process ends in any way, kill -9 included, so a stale lock cannot exist.
 * The file also says who holds it, for the message the next opener shows.
 */
export type LockHolder = { pid: number; command: string; since: string };

export type FolderLock = {
  holder: LockHolder;
  release: () => void;
};

export class FolderInUseError extends Error {
  constructor(
    readonly folder: string,
    readonly holder: LockHolder | null,
  ) {
    const who = holder ? `process ${holder.pid} (${holder.command}, since ${holder.since})` : "another process";
    super(
      `The embedded database ${folder} is in use by ${who}. Only one process may open it at a time: ` +
        "stop that one first (npm run db:backup works while it runs). Nothing was changed.",
    );
    this.name = "FolderInUseError";
  }
}

export function lockFileOf(folder: string): string {
  return `${path.resolve(folder)}.lock`;
}

/** Takes the folder's lock, or throws FolderInUseError naming the holder. Touches nothing inside the folder. */
export function lockFolder(folder: string): FolderLock {
  const lockFile = lockFileOf(folder);
  // A missing parent is made owner-only; an existing one (say /srv) is left as it is: the
  // lock file and the backup socket beside the folder are 0600 themselves.
  mkdirSync(path.dirname(lockFile), { recursive: true, mode: OWNER_ONLY_DIR_MODE });
  // Never truncated or deleted before the lock is ours: the holder's details stay readable.
  const fd = openSync(lockFile, constants.O_RDWR | constants.O_CREAT, OWNER_ONLY_FILE_MODE);
  let granted: boolean;
  try {
    granted = tryLock(fd);
  } catch (error) {
    closeSync(fd);
    throw error;
  }
  if (!granted) {
    closeSync(fd);
    throw new FolderInUseError(folder, readLockHolder(folder));
  }
  const holder: LockHolder = { pid: process.pid, command: describeThisProcess(), since: new Date().toISOString() };
  ftruncateSync(fd, 0);
  writeSync(fd, JSON.stringify(holder), 0);
  let released = false;
  return {
    holder,
    release() {
      if (released) return;
      released = true;
      unlock(fd);
      closeSync(fd);
    },
  };
}

/** Who wrote the lock file last: the holder while the lock is held. Null when unreadable. */
export function readLockHolder(folder: string): LockHolder | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(lockFileOf(folder), "utf8"));
    if (typeof parsed !== "object" || parsed === null) return null;
    const { pid, command, since } = parsed as Record<string, unknown>;
    if (typeof pid !== "number" || typeof command !== "string" || typeof since !== "string") return null;
    return { pid, command, since };
  } catch {
    return null;
  }
}

function describeThisProcess(): string {
  const script = process.argv.slice(1).map((arg) => path.basename(arg)).join(" ");
  return `${process.title}${script ? ` ${script}` : ""}`.slice(0, 200);
}

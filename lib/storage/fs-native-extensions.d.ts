/** The part of fs-native-extensions (no types of its own) that lib/storage/folder-lock.ts uses. */
declare module "fs-native-extensions" {
  /** An exclusive (or shared) lock on an open file; false when another open file holds one. */
  export function tryLock(fd: number, options?: { shared?: boolean }): boolean;
  export function unlock(fd: number): void;
}

import { lstatSync, readdirSync } from "node:fs";
import path from "node:path";

/** Entries under `root` (itself included) that someone other than the owner may read, write or enter. */
export function entriesOpenToOthers(root: string): string[] {
  const stat = lstatSync(root, { throwIfNoEntry: false });
  if (!stat || stat.isSymbolicLink()) return [];
  const open = (stat.mode & 0o077) !== 0 ? [`${root} (${(stat.mode & 0o777).toString(8)})`] : [];
  if (!stat.isDirectory()) return open;
  return [...open, ...readdirSync(root).flatMap((entry) => entriesOpenToOthers(path.join(root, entry)))];
}

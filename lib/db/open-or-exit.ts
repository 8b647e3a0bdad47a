import { FolderInUseError } from "../storage/folder-lock";
import { openAdapter, type DatabaseTarget, type OpenedAdapter } from "./adapter";

/** For command-line scripts: a folder another process holds ends the script with its one-line reason, not a stack trace. */
export function openAdapterOrExit(target: DatabaseTarget): OpenedAdapter {
  try {
    return openAdapter(target);
  } catch (error) {
    if (!(error instanceof FolderInUseError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

import { fsyncSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { NodeFS } from "@electric-sql/pglite/nodefs";

/**
 * PGlite on a folder, made owner-only and durable (decision 024). Out of the box PGlite 0.5
 * starts PostgreSQL with fsync off (`-F`), its Node file system ignores fsync() anyway, and it
 * chmods the files it copies out of initdb to 0666. Two small patches to that file system
 * (emscripten's NODEFS, as pinned in package.json) fix both; tests/integration/pglite-folder
 * fails if an upgrade moves them.
 */
type Stream = { nfd?: number };
type NodeFsInternals = {
  stream_ops: { fsync?: (stream: Stream) => void };
  doSetAttr: (target: unknown, node: unknown, attr: { mode?: number }, ...rest: unknown[]) => void;
  tryFSOperation: <T>(operation: () => T) => T;
};
type Module = { NODEFS: unknown };

const NOT_FOR_GROUP_OR_OTHERS = ~0o077;

class OwnerOnlyDurableNodeFS extends NodeFS {
  override async init(pg: PGlite, options: Parameters<NodeFS["init"]>[1]) {
    const result = await super.init(pg, options);
    const preRun = result.emscriptenOpts.preRun ?? [];
    result.emscriptenOpts.preRun = [(module: Module) => patchNodeFs(module.NODEFS as NodeFsInternals), ...preRun];
    return result;
  }
}

function patchNodeFs(nodefs: NodeFsInternals): void {
  if (typeof nodefs?.doSetAttr !== "function" || typeof nodefs.tryFSOperation !== "function" || !nodefs.stream_ops) {
    throw new Error("PGlite's Node file system has changed shape; lib/db/pglite-folder-fs.ts must be updated before it can keep the data folder owner-only and durable.");
  }
  // PostgreSQL's fsync() reaches the disk, so a commit it acknowledges survives a power cut.
  nodefs.stream_ops.fsync = (stream) => {
    if (stream.nfd !== undefined) nodefs.tryFSOperation(() => fsyncSync(stream.nfd!));
  };
  // Whatever mode PGlite sets, the file stays its owner's alone.
  const setAttr = nodefs.doSetAttr;
  nodefs.doSetAttr = (target, node, attr, ...rest) =>
    setAttr(target, node, attr.mode === undefined ? attr : { ...attr, mode: attr.mode & NOT_FOR_GROUP_OR_OTHERS }, ...rest);
}

/** fsync on; WAL flushed with fsync(), the one sync call PGlite's file system passes on (fdatasync is a no-op there). */
export const DURABLE_START_PARAMS = [...PGlite.defaultStartParams, "-c", "fsync=on", "-c", "wal_sync_method=fsync"];

/**
 * A PGlite on `dataDir`, created from `loadDataDir` (a PGlite data-folder dump) when the
 * folder is new. Takes no lock: lib/db/pglite-folder.ts does, for every opener.
 */
export function createFolderPGlite(dataDir: string, options: { loadDataDir?: Blob } = {}): PGlite {
  return new PGlite({ fs: new OwnerOnlyDurableNodeFS(dataDir), startParams: DURABLE_START_PARAMS, loadDataDir: options.loadDataDir });
}

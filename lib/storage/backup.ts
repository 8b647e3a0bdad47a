import "server-only";
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { z } from "zod";
import type { DatabaseTarget } from "../db/adapter";
import { openPGliteFolder } from "../db/pglite-folder";
import { createFolderPGlite } from "../db/pglite-folder-fs";
import { requestBackupFromHolder } from "./backup-channel";
import { currentKeyIdentity, type KeyEnvironment, type KeyIdentity } from "./encryption-key-identity";
import { FolderInUseError, lockFolder } from "./folder-lock";
import { OWNER_ONLY_DIR_MODE, restrictTreeToOwner, setOwnerOnlyUmask, writeOwnerOnlyFile } from "./owner-only";

/**
 * `npm run db:backup` and `npm run db:restore` (decision 024). A backup is an owner-only
 * folder holding the database (PGlite's data-folder dump, or pg_dump's custom format) and a
 * manifest: when, what, a checksum, and which encryption key the data needs. The key itself
 * is never in the backup: a backup is only readable together with its key, kept elsewhere.
 */
export const DEFAULT_BACKUP_ROOT = ".data/backups";
const MANIFEST_FILE = "manifest.json";
const DATA_FILES = { pglite: "pglite-data.tar.gz", postgres: "database.pgdump" } as const;

const manifestSchema = z.object({
  format: z.literal("common-ground-backup"),
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  database: z.enum(["pglite", "postgres"]),
  file: z.enum([DATA_FILES.pglite, DATA_FILES.postgres]),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  encryptionKey: z.object({ source: z.string(), fingerprint: z.string() }).nullable(),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

type ServerOrFolder = Exclude<DatabaseTarget, { kind: "pglite-memory" }>;
/** env and keyFile say where the encryption key is (tests pass their own); now names the backup. */
type Options = { env?: KeyEnvironment; keyFile?: string; now?: Date };

export type BackupTaken = { dir: string; manifest: BackupManifest; via: string };

export async function takeBackup(target: ServerOrFolder, options: Options & { root?: string } = {}): Promise<BackupTaken> {
  setOwnerOnlyUmask();
  const now = options.now ?? new Date();
  const root = path.resolve(options.root ?? DEFAULT_BACKUP_ROOT);
  mkdirSync(root, { recursive: true, mode: OWNER_ONLY_DIR_MODE }); // an existing --out folder keeps its mode; each backup in it is 0700
  const dir = path.join(root, `common-ground-${now.toISOString().replace(/:/g, "-").replace(/\.\d+Z$/, "Z")}`);
  mkdirSync(dir, { mode: OWNER_ONLY_DIR_MODE });
  try {
    const file = path.join(dir, DATA_FILES[target.kind]);
    let via: string;
    if (target.kind === "pglite") {
      const dump = await dumpPGliteFolder(target.dataDir);
      writeOwnerOnlyFile(file, dump.bytes);
      via = dump.via;
    } else {
      await runPgTool("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`], target.url);
      via = "pg_dump";
    }
    const bytes = readFileSync(file);
    const manifest: BackupManifest = {
      format: "common-ground-backup",
      version: 1,
      createdAt: now.toISOString(),
      database: target.kind,
      file: DATA_FILES[target.kind],
      bytes: bytes.length,
      sha256: sha256(bytes),
      encryptionKey: currentKeyIdentity(options.env, options.keyFile),
    };
    writeOwnerOnlyFile(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    restrictTreeToOwner(dir);
    return { dir, manifest, via };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Open the folder ourselves when nobody holds it; else ask the process that does. */
async function dumpPGliteFolder(dataDir: string): Promise<{ bytes: Buffer; via: string }> {
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) throw new Error(`There is no embedded database at ${dataDir} to back up.`);
  let folder: ReturnType<typeof openPGliteFolder>;
  try {
    folder = openPGliteFolder(dataDir);
  } catch (error) {
    if (!(error instanceof FolderInUseError)) throw error;
    const holder = error.holder ? `process ${error.holder.pid}` : "the process holding it";
    return { bytes: await requestBackupFromHolder(dataDir), via: `${holder}, which has the database open` };
  }
  try {
    // Called before PGlite is ready, dumpDataDir never settled (it waits on start-up under its own lock).
    await folder.pglite.waitReady;
    const dump = await folder.pglite.dumpDataDir("gzip");
    return { bytes: Buffer.from(await dump.arrayBuffer()), via: "the data folder (no process had it open)" };
  } finally {
    await folder.close();
  }
}

export class BackupKeyMismatchError extends Error {
  constructor(expected: KeyIdentity, current: KeyIdentity | null) {
    const now = current ? `the key configured now (${current.source}) has fingerprint ${current.fingerprint}` : "no encryption key is configured now";
    super(
      `This backup needs the encryption key with fingerprint ${expected.fingerprint} (it was in ${expected.source}); ${now}. ` +
        "Without its key the private text in the backup cannot be read. Put that key back (DATA_ENCRYPTION_KEY or .data/encryption-key) " +
        "and run the restore again. Nothing was changed.",
    );
    this.name = "BackupKeyMismatchError";
  }
}

export function readBackup(dir: string): { manifest: BackupManifest; data: Buffer } {
  const manifestPath = path.join(dir, MANIFEST_FILE);
  if (!existsSync(manifestPath)) throw new Error(`${dir} is not a backup made by npm run db:backup: it has no ${MANIFEST_FILE}.`);
  const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(manifestPath, "utf8")));
  if (!parsed.success) throw new Error(`${manifestPath} is not a backup manifest this version can read: ${parsed.error.issues[0]?.message}`);
  const manifest = parsed.data;
  const data = readFileSync(path.join(dir, manifest.file));
  if (data.length !== manifest.bytes || sha256(data) !== manifest.sha256) {
    throw new Error(`${path.join(dir, manifest.file)} does not match its manifest (damaged or changed): refusing to restore it.`);
  }
  return { manifest, data };
}

export type BackupRestored = { manifest: BackupManifest; previous: string | null };

/**
 * Replaces the database with the backup. The embedded folder must not be open (its lock is
 * taken for the whole restore); the folder it replaces is kept beside it, renamed, in case.
 */
export async function restoreBackup(target: ServerOrFolder, dir: string, options: Options = {}): Promise<BackupRestored> {
  setOwnerOnlyUmask();
  const { manifest, data } = readBackup(dir);
  if (manifest.database !== target.kind) {
    const is = manifest.database === "pglite" ? "the embedded database" : "a PostgreSQL server";
    const to = target.kind === "pglite" ? "the embedded database (DATABASE_URL is unset)" : "the PostgreSQL server at DATABASE_URL";
    throw new Error(`This is a backup of ${is}; it cannot be restored into ${to}. Nothing was changed.`);
  }
  const current = currentKeyIdentity(options.env, options.keyFile);
  if (manifest.encryptionKey && manifest.encryptionKey.fingerprint !== current?.fingerprint) {
    throw new BackupKeyMismatchError(manifest.encryptionKey, current);
  }
  if (target.kind === "postgres") {
    const file = path.join(dir, manifest.file);
    await runPgTool("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", file], target.url);
    return { manifest, previous: null };
  }
  return { manifest, previous: await replacePGliteFolder(target.dataDir, data, options.now ?? new Date()) };
}

async function replacePGliteFolder(dataDir: string, dump: Buffer, now: Date): Promise<string | null> {
  const lock = lockFolder(dataDir);
  const stamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  const staging = `${path.resolve(dataDir)}.restoring-${stamp}`;
  try {
    // Unpacked and opened once beside the live folder, so a bad dump leaves that untouched.
    const pglite = createFolderPGlite(staging, { loadDataDir: new Blob([new Uint8Array(dump)]) });
    try {
      await pglite.query('SELECT 1 FROM "_prisma_migrations" LIMIT 1');
    } finally {
      await pglite.close();
    }
    const previous = existsSync(dataDir) ? `${path.resolve(dataDir)}.before-restore-${stamp}` : null;
    if (previous) renameSync(dataDir, previous);
    renameSync(staging, dataDir);
    restrictTreeToOwner(dataDir);
    return previous;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  } finally {
    lock.release();
  }
}

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

const execFileAsync = promisify(execFile);

/** pg_dump and pg_restore get the connection through libpq's variables, never on the command line where `ps` shows it. */
async function runPgTool(tool: "pg_dump" | "pg_restore", args: string[], url: string): Promise<void> {
  const connection = libpqEnvironment(url);
  try {
    await execFileAsync(tool, [`--dbname=${connection.PGDATABASE}`, ...args], { env: { ...process.env, ...connection }, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === "ENOENT") {
      throw new Error(`${tool} was not found. Install PostgreSQL's client tools, of the server's major version or newer (Debian: apt-get install postgresql-client).`);
    }
    throw new Error(`${tool} failed: ${failure.stderr?.trim() || failure.message}`);
  }
}

const LIBPQ_PARAMETERS: Record<string, string> = { sslmode: "PGSSLMODE", sslrootcert: "PGSSLROOTCERT", sslcert: "PGSSLCERT", sslkey: "PGSSLKEY" };

export function libpqEnvironment(url: string): Record<string, string> {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  if (!database) throw new Error("DATABASE_URL names no database.");
  const env: Record<string, string> = { PGHOST: parsed.hostname.replace(/^\[|\]$/g, "") || "localhost", PGDATABASE: database };
  if (parsed.port) env.PGPORT = parsed.port;
  if (parsed.username) env.PGUSER = decodeURIComponent(parsed.username);
  if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
  for (const [name, value] of parsed.searchParams) {
    const variable = LIBPQ_PARAMETERS[name];
    if (!variable) throw new Error(`DATABASE_URL has the parameter ${name}, which db:backup cannot pass to pg_dump; run pg_dump yourself (README, "Backups").`);
    env[variable] = value;
  }
  return env;
}

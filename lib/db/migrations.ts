import { readdirSync, readFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as engineGlue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

/**
 * Offline migrations. `prisma migrate` downloads a native schema engine, which this network
 * forbids; Prisma's own engine compiled to WebAssembly does the same work through a driver
 * adapter, and records applied migrations in `_prisma_migrations` as `migrate deploy` does.
 */

export const SCHEMA_PATH = path.resolve("prisma/schema.prisma");
export const MIGRATIONS_DIR = path.resolve("prisma/migrations");
const LOCKFILE = "migration_lock.toml";
const NO_FILTERS = { externalTables: [], externalEnums: [] };

/**
 * The engine's JS glue is one module per process, but this file may be loaded more than once
 * (test runners give each project its own module graph): keep the shared state on globalThis.
 */
const shared = globalThis as typeof globalThis & {
  __schemaEngineWasmLoaded?: boolean;
  __schemaEngineQueue?: Promise<unknown>;
};

/** The engine's bytes are loaded by hand: every loader that runs this file (tsx, vitest, Next) can do that, not all import .wasm. */
function loadEngineWasm(): void {
  if (shared.__schemaEngineWasmLoaded) return;
  // The engine reports a Rust panic's message here before it throws.
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
    set_message(message: string) {
      console.error(`Prisma schema engine panicked: ${message}`);
    },
  };
  const require = createRequire(import.meta.url);
  const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
  const wasmModule = new WebAssembly.Module(readFileSync(wasmPath));
  const instance = new WebAssembly.Instance(wasmModule, {
    "./schema_engine_bg.js": engineGlue as unknown as WebAssembly.ModuleImports,
  });
  engineGlue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  shared.__schemaEngineWasmLoaded = true;
}

// One wasm instance serves the process, and it cannot run two engines at once: queue them.
function withEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  run: (engine: SchemaEngine, schema: string) => Promise<T>,
): Promise<T> {
  const next = (shared.__schemaEngineQueue ?? Promise.resolve()).then(() => runEngine(factory, run));
  shared.__schemaEngineQueue = next.catch(() => undefined);
  return next;
}

async function runEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  run: (engine: SchemaEngine, schema: string) => Promise<T>,
): Promise<T> {
  loadEngineWasm();
  const schema = readFileSync(SCHEMA_PATH, "utf8");
  const engine: SchemaEngine = await engineGlue.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  try {
    return await run(engine, schema);
  } finally {
    engine.free();
  }
}

export function readMigrationList(dir = MIGRATIONS_DIR): MigrationList {
  const directories = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  const lockPath = path.join(dir, LOCKFILE);
  return {
    baseDir: dir,
    lockfile: { path: LOCKFILE, content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: directories.map((name) => ({
      // The bare directory name: it is what gets recorded as `migration_name`.
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: readFileSync(path.join(dir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

/** Applies every pending migration (of `dir`, for tests of one migration's data); returns the names applied (none when up to date). */
export async function applyPendingMigrations(factory: SqlMigrationAwareDriverAdapterFactory, dir = MIGRATIONS_DIR): Promise<string[]> {
  return withEngine(factory, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList: readMigrationList(dir), filters: NO_FILTERS });
    return result.appliedMigrationNames;
  });
}

/**
 * Writes a new migration holding the SQL that takes the database from the migration history
 * to the current schema, by replaying the history on a shadow database. Returns null when the
 * schema already matches the history.
 */
export async function writeNewMigration(
  factory: SqlMigrationAwareDriverAdapterFactory,
  name: string,
  now = new Date(),
): Promise<string | null> {
  return withEngine(factory, async (engine, schema) => {
    const history = readMigrationList();
    const diff = await engine.diff({
      from: history.migrationDirectories.length ? { tag: "migrations", ...history } : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: true,
      filters: NO_FILTERS,
    });
    if (diff.exitCode === 0 || !diff.stdout?.trim() || diff.stdout.includes("This is an empty migration")) return null;
    const stamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
    const dirName = `${stamp}_${name}`;
    mkdirSync(path.join(MIGRATIONS_DIR, dirName), { recursive: true });
    writeFileSync(path.join(MIGRATIONS_DIR, dirName, "migration.sql"), diff.stdout);
    const lockPath = path.join(MIGRATIONS_DIR, LOCKFILE);
    if (!existsSync(lockPath)) {
      writeFileSync(
        lockPath,
        '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
      );
    }
    return dirName;
  });
}

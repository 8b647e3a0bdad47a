import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openAdapter, type OpenedAdapter } from "@/lib/db/adapter";

/**
 * The migration writer works on prisma/ under the current directory. These tests run it on a
 * copy in a temporary directory, so nothing is ever written into the project's migrations.
 */
const projectRoot = process.cwd();
const projectMigrations = path.join(projectRoot, "prisma/migrations");
const listing = (dir: string) => readdirSync(dir).sort();
const projectListingBefore = listing(projectMigrations);

let workDir: string;
let shadow: OpenedAdapter;
let migrations: typeof import("@/lib/db/migrations");

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), "planner-new-migration-"));
  cpSync(path.join(projectRoot, "prisma"), path.join(workDir, "prisma"), { recursive: true });
  process.chdir(workDir);
  // Imported only now: the module resolves prisma/ against the current directory when loaded.
  migrations = await import("@/lib/db/migrations");
  shadow = openAdapter({ kind: "pglite-memory" });
});

afterAll(async () => {
  await shadow?.close();
  process.chdir(projectRoot);
  rmSync(workDir, { recursive: true, force: true });
  expect(listing(projectMigrations)).toEqual(projectListingBefore);
});

// The writer always replays the history on an in-memory PGlite, whichever database the app
// uses, so it is tested once. Replaying the whole history is slow on a busy machine.
describe.runIf(process.env.TEST_DB_KIND === "pglite")("writing a new migration", () => {
  it("finds nothing to write for the project: its schema matches its migration history", { timeout: 300_000 }, async () => {
    expect(migrations.MIGRATIONS_DIR).toBe(path.join(workDir, "prisma/migrations"));
    expect(await migrations.writeNewMigration(shadow.factory, "nothing_changed")).toBeNull();
    expect(listing(migrations.MIGRATIONS_DIR)).toEqual(projectListingBefore);
  });

  it("writes a schema change as a new, timestamped migration holding only that change's SQL", async () => {
    // A small project of its own, so the history replays quickly.
    rmSync(migrations.MIGRATIONS_DIR, { recursive: true });
    writeFileSync(
      migrations.SCHEMA_PATH,
      'datasource db {\n  provider = "postgresql"\n}\n\nmodel Gadget {\n  id String @id\n}\n',
    );
    const first = await migrations.writeNewMigration(shadow.factory, "init", new Date("2030-01-01T00:00:00.000Z"));
    expect(first).toBe("20300101000000_init");
    expect(readFileSync(path.join(migrations.MIGRATIONS_DIR, "migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');

    appendFileSync(migrations.SCHEMA_PATH, "\nmodel Widget {\n  id   String @id\n  name String\n}\n");
    const second = await migrations.writeNewMigration(shadow.factory, "add_widget", new Date("2030-01-02T03:04:05.000Z"));
    expect(second).toBe("20300102030405_add_widget");
    const sql = readFileSync(path.join(migrations.MIGRATIONS_DIR, second!, "migration.sql"), "utf8");
    expect(sql).toMatch(/CREATE TABLE "Widget"/);
    expect(sql).not.toMatch(/CREATE TABLE "Gadget"/);
    expect(listing(migrations.MIGRATIONS_DIR)).toEqual(["20300101000000_init", "20300102030405_add_widget", "migration_lock.toml"]);
  });
});

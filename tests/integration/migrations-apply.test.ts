import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, applyPendingMigrations } from "@/lib/db/migrations";
import { createEmptyDb, type EmptyDb } from "../support/empty-db";

let empty: EmptyDb;
beforeAll(async () => {
  empty = await createEmptyDb();
});
afterAll(() => empty.close());

const history = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

type MigrationRow = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
  logs: string | null;
};

function recorded() {
  return empty.db.$queryRaw<MigrationRow[]>`
    SELECT "migration_name", "checksum", "finished_at", "rolled_back_at", "applied_steps_count", "logs"
    FROM "_prisma_migrations" ORDER BY "migration_name"`;
}

describe("applying migrations", () => {
  // Each migration replays through the WebAssembly engine: on a busy machine this takes a minute.
  it("applies the whole history to an empty database, in order", { timeout: 120_000 }, async () => {
    expect(history.length).toBeGreaterThan(0);
    expect(await applyPendingMigrations(empty.factory)).toEqual(history);
    // The schema is really there: the app's tables answer.
    expect(await empty.db.user.count()).toBe(0);
    expect(await empty.db.note.count()).toBe(0);
  });

  it("records each one in _prisma_migrations as `prisma migrate deploy` does", async () => {
    const rows = await recorded();
    expect(rows).toEqual(
      history.map((name) => ({
        migration_name: name,
        checksum: createHash("sha256").update(readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"))).digest("hex"),
        finished_at: expect.any(Date),
        rolled_back_at: null,
        applied_steps_count: 1,
        logs: null,
      })),
    );
  });

  it("applies nothing the second time and records nothing new", async () => {
    expect(await applyPendingMigrations(empty.factory)).toEqual([]);
    expect(await recorded()).toHaveLength(history.length);
  });
});

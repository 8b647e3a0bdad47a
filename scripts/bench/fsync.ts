import { mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { createFolderPGlite } from "../../lib/db/pglite-folder-fs.ts";
import { ensureOwnerOnlyDir } from "../../lib/storage/owner-only.ts";

/**
 * What durable writes cost on the embedded database (decision 024): the same commits on the
 * same folder, with PGlite as it comes (fsync off) and as the app opens it (every commit
 * synced to the disk). The folder is under .data/, on the disk the real database uses (a
 * tmpfs /tmp would make fsync free). Rounds alternate; each figure is the median of its rounds.
 */
const ROUNDS = 5;
const SINGLE_INSERTS = 100;
const TRANSACTIONS = 50;

type Figures = { insertMs: number; transactionMs: number };

async function measure(pglite: PGlite, round: number): Promise<Figures> {
  await pglite.exec(`CREATE TABLE IF NOT EXISTS note_like (id serial PRIMARY KEY, round int, body text, created timestamptz DEFAULT now())`);
  const body = "x".repeat(400);
  let started = performance.now();
  for (let i = 0; i < SINGLE_INSERTS; i += 1) await pglite.query("INSERT INTO note_like (round, body) VALUES ($1, $2)", [round, body]);
  const insertMs = (performance.now() - started) / SINGLE_INSERTS;
  // A typical form submission: a read, a write and an audit row in one transaction.
  started = performance.now();
  for (let i = 0; i < TRANSACTIONS; i += 1) {
    await pglite.transaction(async (tx) => {
      await tx.query("SELECT count(*) FROM note_like WHERE round = $1", [round]);
      await tx.query("UPDATE note_like SET body = $1 WHERE id = (SELECT max(id) FROM note_like)", [body]);
      await tx.query("INSERT INTO note_like (round, body) VALUES ($1, 'audit')", [round]);
    });
  }
  return { insertMs, transactionMs: (performance.now() - started) / TRANSACTIONS };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function run(): Promise<void> {
  ensureOwnerOnlyDir(".data");
  const scratch = mkdtempSync(path.join(".data", "bench-fsync-"));
  const folder = path.join(scratch, "pglite");
  try {
    const results: Record<"off" | "on", Figures[]> = { off: [], on: [] };
    for (let round = 1; round <= ROUNDS; round += 1) {
      for (const mode of ["off", "on"] as const) {
        const pglite = mode === "off" ? new PGlite(folder) : createFolderPGlite(folder);
        await pglite.waitReady;
        results[mode].push(await measure(pglite, round));
        await pglite.close();
      }
    }
    const off = { insert: median(results.off.map((r) => r.insertMs)), transaction: median(results.off.map((r) => r.transactionMs)) };
    const on = { insert: median(results.on.map((r) => r.insertMs)), transaction: median(results.on.map((r) => r.transactionMs)) };
    console.log(`\nEmbedded database writes, fsync off (PGlite's default) vs on (the app), median of ${ROUNDS} rounds:`);
    console.log(`  single-row insert (autocommit, ${SINGLE_INSERTS}/round): ${off.insert.toFixed(2)} ms vs ${on.insert.toFixed(2)} ms per commit (x${(on.insert / off.insert).toFixed(2)}, +${(on.insert - off.insert).toFixed(2)} ms)`);
    console.log(`  form-like transaction (read, update, insert; ${TRANSACTIONS}/round): ${off.transaction.toFixed(2)} ms vs ${on.transaction.toFixed(2)} ms (x${(on.transaction / off.transaction).toFixed(2)}, +${(on.transaction - off.transaction).toFixed(2)} ms)`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

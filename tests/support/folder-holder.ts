/**
 * A separate process that opens an embedded data folder the way the app does, for the lock and
 * backup tests: `fork(this, [folder, "hold" | "write"], { execArgv: ["--import", "tsx"] })`.
 * It says { ready: pid } once PostgreSQL answers; with "write" it then commits one row to each
 * of two tables per transaction, forever, and reports { committed: n } after each commit.
 */
import { openPGliteFolder } from "../../lib/db/pglite-folder.ts";

const [folder, mode] = process.argv.slice(2);
if (!folder || (mode !== "hold" && mode !== "write")) throw new Error("Usage: folder-holder.ts <folder> hold|write");

const { pglite } = openPGliteFolder(folder);
await pglite.waitReady;
await pglite.exec("CREATE TABLE IF NOT EXISTS pair_left (n integer PRIMARY KEY); CREATE TABLE IF NOT EXISTS pair_right (n integer PRIMARY KEY);");
process.send?.({ ready: process.pid });

if (mode === "write") {
  const start = (await pglite.query<{ n: number }>("SELECT coalesce(max(n), 0) AS n FROM pair_left")).rows[0]!.n;
  for (let n = start + 1; ; n += 1) {
    await pglite.transaction(async (tx) => {
      await tx.query("INSERT INTO pair_left (n) VALUES ($1)", [n]);
      await tx.query("INSERT INTO pair_right (n) VALUES ($1)", [n]);
    });
    process.send?.({ committed: n });
    // A server's writes come between I/O events; without this pause the loop would starve them.
    await new Promise((resolve) => setImmediate(resolve));
  }
} else {
  setInterval(() => {}, 60_000);
}

import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, afterEach, describe, expect, inject, it } from "vitest";
import { openAdapter } from "@/lib/db/adapter";
import { openPGliteFolder } from "@/lib/db/pglite-folder";
import { FolderInUseError } from "@/lib/storage/folder-lock";
import { makeMigratedFolder, startHolder, temporaryRoot, type Holder } from "../support/embedded-folder";
import { entriesOpenToOthers } from "../support/owner-only";

// Files and processes, not a database kind: these run once, in the pglite project.
const onPGlite = describe.skipIf(process.env.TEST_DB_KIND !== "pglite");
const SLOW = 360_000;

const root = temporaryRoot();
const holders: Holder[] = [];
afterEach(async () => {
  await Promise.all(holders.splice(0).map((holder) => holder.stop()));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every file's path and content hash: a folder "untouched" means this is unchanged. */
function fingerprintTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else files[path.relative(dir, full)] = `${statSync(full).mode}:${createHash("sha256").update(readFileSync(full)).digest("hex")}`;
    }
  };
  walk(dir);
  return files;
}

onPGlite("the embedded data folder is its owner's alone", () => {
  it("makes a folder an older version left world-readable owner-only when it opens it", { timeout: SLOW }, async () => {
    const folder = path.join(root, "old-modes");
    process.umask(0o022);
    // What PGlite does by itself: files 0666, folders 0755.
    const plain = new PGlite({ dataDir: folder, loadDataDir: new Blob([readFileSync(inject("pgliteSnapshotPath"))]) });
    await plain.waitReady;
    await plain.close();
    expect(entriesOpenToOthers(folder).length).toBeGreaterThan(100);

    const opened = openPGliteFolder(folder);
    await opened.pglite.exec("CREATE TABLE marker (text text); INSERT INTO marker VALUES ('written after opening'); CHECKPOINT;");
    expect(entriesOpenToOthers(folder)).toEqual([]);
    expect(entriesOpenToOthers(`${folder}.lock`)).toEqual([]);
    expect(entriesOpenToOthers(`${folder}.backup.sock`)).toEqual([]);
    await opened.close();
  });

  it("creates a new folder, and every file PostgreSQL writes in it later, owner-only", { timeout: SLOW }, async () => {
    const folder = path.join(root, "fresh");
    process.umask(0o022);
    const opened = openPGliteFolder(folder);
    await opened.pglite.exec("CREATE TABLE marker (text text); INSERT INTO marker SELECT repeat('x', 500) FROM generate_series(1, 5000); CHECKPOINT;");
    expect(entriesOpenToOthers(folder)).toEqual([]);
    await opened.close();
    expect(entriesOpenToOthers(folder)).toEqual([]);
  });

  it.skipIf(process.getuid?.() !== 0)("keeps another local account out of the folder, the lock file and the backup channel", { timeout: SLOW }, async () => {
    const parent = path.join(root, "shared-parent");
    const folder = path.join(parent, "pglite");
    await makeMigratedFolder(folder);
    chmodSync(parent, 0o755); // a world-traversable project folder, as home folders often are
    const opened = openPGliteFolder(folder);
    await opened.pglite.waitReady;
    const attack = `
      const fs = require("node:fs"), net = require("node:net");
      const results = {};
      for (const file of ["PG_VERSION", "global/pg_control"]) {
        try { fs.readFileSync(${JSON.stringify(folder)} + "/" + file); results[file] = "read"; } catch (e) { results[file] = e.code; }
      }
      try { fs.readFileSync(${JSON.stringify(`${folder}.lock`)}); results.lock = "read"; } catch (e) { results.lock = e.code; }
      const socket = net.createConnection(${JSON.stringify(`${folder}.backup.sock`)});
      socket.on("connect", () => { results.socket = "connected"; console.log(JSON.stringify(results)); process.exit(0); });
      socket.on("error", (e) => { results.socket = e.code; console.log(JSON.stringify(results)); process.exit(0); });`;
    const nobody = spawnSync(process.execPath, ["-e", attack], { uid: 65534, gid: 65534, encoding: "utf8", cwd: "/" });
    expect(nobody.stderr).toBe("");
    expect(JSON.parse(nobody.stdout)).toEqual({ PG_VERSION: "EACCES", "global/pg_control": "EACCES", lock: "EACCES", socket: "EACCES" });
    await opened.close();
  });
});

onPGlite("one process at a time opens the embedded data folder", () => {
  it("stops a second opener in another process at once, naming the holder, with the folder untouched", { timeout: SLOW }, async () => {
    const folder = path.join(root, "held");
    await makeMigratedFolder(folder);
    const holder = await startHolder(folder, "hold");
    holders.push(holder);
    const before = fingerprintTree(folder);

    let refused: unknown;
    try {
      openAdapter({ kind: "pglite", dataDir: folder });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(FolderInUseError);
    expect((refused as Error).message).toContain(`in use by process ${holder.pid} (`);

    // The fault that used to destroy the database: `npm run db:migrate` while the app serves.
    const migrate = await runScript("scripts/db/migrate.ts", folder);
    expect(migrate.code).toBe(1);
    expect(migrate.stderr).toContain(`is in use by process ${holder.pid}`);
    expect(migrate.stderr).not.toContain("    at "); // one clear reason, not a stack trace

    expect(fingerprintTree(folder)).toEqual(before);
  });

  it("is free again once its holder is killed with SIGKILL, with every committed write there", { timeout: SLOW }, async () => {
    const folder = path.join(root, "killed");
    await makeMigratedFolder(folder);
    const holder = await startHolder(folder, "write");
    holders.push(holder);
    await holder.waitForCommits(5);
    holder.child.kill("SIGKILL");
    await holder.stop();

    const opened = openPGliteFolder(folder);
    const { rows } = await opened.pglite.query<{ left: number; right: number; max: number }>(
      "SELECT (SELECT count(*)::int FROM pair_left) AS left, (SELECT count(*)::int FROM pair_right) AS right, (SELECT max(n) FROM pair_left) AS max",
    );
    expect(rows[0]!.left).toBe(rows[0]!.right);
    expect(rows[0]!.max).toBeGreaterThanOrEqual(holder.committed());
    await opened.close();
  });

  it("refuses a second opening within the same process too, and opens again after close", { timeout: SLOW }, async () => {
    const folder = path.join(root, "same-process");
    await makeMigratedFolder(folder);
    const first = openPGliteFolder(folder);
    expect(() => openPGliteFolder(folder)).toThrow(new RegExp(`in use by process ${process.pid} `));
    await first.close();
    const second = openPGliteFolder(folder);
    await expect(second.pglite.query("SELECT 1 AS one")).resolves.toMatchObject({ rows: [{ one: 1 }] });
    await second.close();
  });
});

function runScript(script: string, folder: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", script], {
      env: { ...process.env, DATABASE_URL: "", PGLITE_DATA_DIR: folder },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("exit", (code) => resolve({ code, stderr }));
  });
}

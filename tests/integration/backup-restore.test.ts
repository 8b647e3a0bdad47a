import { randomBytes } from "node:crypto";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, describe, expect, inject, it } from "vitest";
import { openPGliteFolder } from "@/lib/db/pglite-folder";
import { BackupKeyMismatchError, restoreBackup, takeBackup } from "@/lib/storage/backup";
import { fingerprintOf } from "@/lib/storage/encryption-key-identity";
import { FolderInUseError } from "@/lib/storage/folder-lock";
import { databaseUrl } from "../support/database-kind";
import { makeMigratedFolder, startHolder, temporaryRoot, type Holder } from "../support/embedded-folder";
import { entriesOpenToOthers } from "../support/owner-only";
import { waitForConnectionsToEnd } from "../support/test-db";

const SLOW = 480_000;
const KEY = "test-key-encryption-key-0123456789abcdef";
const withKey = (key: string) => ({ env: { DATA_ENCRYPTION_KEY: key } });
const root = temporaryRoot();
const noKeyFile = path.join(root, "no-such-key");
const holders: Holder[] = [];
afterEach(async () => {
  await Promise.all(holders.splice(0).map((holder) => holder.stop()));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function pairs(folder: string) {
  const opened = openPGliteFolder(folder);
  try {
    const { rows } = await opened.pglite.query<{ left: number; right: number; max: number }>(
      "SELECT (SELECT count(*)::int FROM pair_left) AS left, (SELECT count(*)::int FROM pair_right) AS right, (SELECT coalesce(max(n), 0) FROM pair_left) AS max",
    );
    return rows[0]!;
  } finally {
    await opened.close();
  }
}

describe.skipIf(process.env.TEST_DB_KIND !== "pglite")("backups of the embedded database", () => {
  const live = path.join(root, "live");
  const backups = path.join(root, "backups");
  let backupDir = "";
  let committedBeforeBackup = 0;

  it("copies the database while another process writes to it, and the copy restores consistent", { timeout: SLOW }, async () => {
    await makeMigratedFolder(live);
    const writer = await startHolder(live, "write");
    holders.push(writer);
    await writer.waitForCommits(20);
    committedBeforeBackup = writer.committed();

    const taken = await takeBackup({ kind: "pglite", dataDir: live }, { root: backups, ...withKey(KEY) });
    backupDir = taken.dir;
    expect(taken.via).toContain(`process ${writer.pid}`);
    await writer.waitForCommits(committedBeforeBackup + 5); // it went on writing meanwhile
    await writer.stop();

    const restored = path.join(root, "restored");
    await restoreBackup({ kind: "pglite", dataDir: restored }, backupDir, withKey(KEY));
    const copy = await pairs(restored);
    expect(copy.left).toBe(copy.right); // no transaction half in the copy
    expect(copy.max).toBeGreaterThanOrEqual(committedBeforeBackup); // every commit acknowledged before it
    expect(copy.max).toBeLessThan((await pairs(live)).max); // and nothing after it
  });

  it("is its owner's alone, and names the encryption key by fingerprint without holding it", () => {
    expect(entriesOpenToOthers(backups)).toEqual([]);
    const manifest = JSON.parse(readFileSync(path.join(backupDir, "manifest.json"), "utf8"));
    expect(manifest.encryptionKey).toEqual({ source: "the DATA_ENCRYPTION_KEY environment variable", fingerprint: fingerprintOf(KEY) });
    for (const file of readdirSync(backupDir)) expect(readFileSync(path.join(backupDir, file)).includes(KEY)).toBe(false);
  });

  it("opens the folder itself when no process holds it", { timeout: SLOW }, async () => {
    const taken = await takeBackup({ kind: "pglite", dataDir: live }, { root: backups, now: new Date("2030-01-01T00:00:00Z"), ...withKey(KEY) });
    expect(taken.via).toContain("no process had it open");
  });

  it("refuses to restore under another key, or none, and changes nothing", async () => {
    const target = path.join(root, "wrong-key");
    await expect(restoreBackup({ kind: "pglite", dataDir: target }, backupDir, withKey("some-other-key-0123456789abcdefghij"))).rejects.toThrow(BackupKeyMismatchError);
    await expect(restoreBackup({ kind: "pglite", dataDir: target }, backupDir, { env: {}, keyFile: noKeyFile })).rejects.toThrow(/no encryption key is configured now/);
    expect(existsSync(target)).toBe(false);
  });

  it("refuses to restore over a folder that a running process holds", { timeout: SLOW }, async () => {
    const holder = await startHolder(live, "hold");
    holders.push(holder);
    await expect(restoreBackup({ kind: "pglite", dataDir: live }, backupDir, withKey(KEY))).rejects.toThrow(FolderInUseError);
    await holder.stop();
    expect((await pairs(live)).max).toBeGreaterThan(committedBeforeBackup + 4); // still the live data, not the backup
  });

  it("keeps the folder it replaces beside the restored one", { timeout: SLOW }, async () => {
    const { previous } = await restoreBackup({ kind: "pglite", dataDir: live }, backupDir, withKey(KEY));
    expect(previous).toMatch(/live\.before-restore-\d{14}$/);
    expect((await pairs(previous!)).max).toBeGreaterThan((await pairs(live)).max);
  });

  it("answers nothing but a backup request on its channel", { timeout: SLOW }, async () => {
    const opened = openPGliteFolder(live);
    await opened.pglite.waitReady;
    try {
      for (const request of ['{"request":"pglite-data-dump","path":"/etc"}', '{"request":"drop"}', "not json", "x".repeat(2000)]) {
        const answer = await new Promise<string>((resolve, reject) => {
          const socket = net.createConnection(`${live}.backup.sock`, () => socket.write(`${request}\n`));
          let received = "";
          socket.on("data", (chunk) => (received += chunk.toString()));
          socket.on("end", () => resolve(received));
          socket.on("error", reject);
        });
        expect(answer).toBe('{"ok":false,"error":"Unknown request."}\n');
      }
    } finally {
      await opened.close();
    }
  });

  it("refuses a damaged backup, and a folder that is not a backup", async () => {
    const damaged = path.join(root, "damaged");
    rmSync(damaged, { recursive: true, force: true });
    cpSync(backupDir, damaged, { recursive: true });
    const data = path.join(damaged, "pglite-data.tar.gz");
    const bytes = readFileSync(data);
    bytes.writeUInt8(bytes.readUInt8(bytes.length >> 1) ^ 0xff, bytes.length >> 1);
    writeFileSync(data, bytes);
    await expect(restoreBackup({ kind: "pglite", dataDir: path.join(root, "x") }, damaged, withKey(KEY))).rejects.toThrow(/does not match its manifest/);
    await expect(restoreBackup({ kind: "pglite", dataDir: path.join(root, "x") }, root, withKey(KEY))).rejects.toThrow(/not a backup made by npm run db:backup/);
  });
});

describe.skipIf(process.env.TEST_DB_KIND !== "postgres")("backups on a PostgreSQL server (pg_dump, pg_restore)", () => {
  it("restores a pg_dump backup into another database", { timeout: SLOW }, async () => {
    const { serverUrl, database: template } = inject("postgresTemplate");
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    const source = `planner_backup_${randomBytes(4).toString("hex")}`;
    const target = `planner_restore_${randomBytes(4).toString("hex")}`;
    try {
      await admin.query(`CREATE DATABASE "${source}" TEMPLATE "${template}"`);
      await admin.query(`CREATE DATABASE "${target}"`);
      const sourceClient = new pg.Client({ connectionString: databaseUrl(serverUrl, source) });
      await sourceClient.connect();
      await sourceClient.query(`INSERT INTO "User" (id, email, "passwordHash", "displayName") VALUES (gen_random_uuid(), 'backup@example.org', 'x', 'Backed up')`);
      await sourceClient.end();

      const taken = await takeBackup({ kind: "postgres", url: databaseUrl(serverUrl, source) }, { root, ...withKey(KEY) });
      expect(taken.manifest.file).toBe("database.pgdump");
      expect(entriesOpenToOthers(taken.dir)).toEqual([]);
      await expect(restoreBackup({ kind: "postgres", url: databaseUrl(serverUrl, target) }, taken.dir, withKey("another-key-0123456789abcdefghijkl"))).rejects.toThrow(BackupKeyMismatchError);
      await restoreBackup({ kind: "postgres", url: databaseUrl(serverUrl, target) }, taken.dir, withKey(KEY));

      const targetClient = new pg.Client({ connectionString: databaseUrl(serverUrl, target) });
      await targetClient.connect();
      const { rows } = await targetClient.query(`SELECT "displayName" FROM "User" WHERE email = 'backup@example.org'`);
      await targetClient.end();
      expect(rows).toEqual([{ displayName: "Backed up" }]);
    } finally {
      for (const database of [source, target]) {
        await waitForConnectionsToEnd(admin, database);
        await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      }
      await admin.end();
    }
  });
});

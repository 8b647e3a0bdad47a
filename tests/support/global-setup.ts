import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { TestProject } from "vitest/node";
import { openAdapter } from "../../lib/db/adapter";
import { applyPendingMigrations } from "../../lib/db/migrations";
import { assertLocalServer, databaseUrl } from "./database-kind";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteSnapshotPath: string;
    postgresTemplate: { serverUrl: string; database: string };
  }
}

/**
 * Migrates once per run; every test file then starts from a copy of the migrated database
 * (a PGlite data-dir snapshot, or CREATE DATABASE ... TEMPLATE on the server).
 */
export default async function setup(project: TestProject) {
  if (project.name === "pglite") {
    const pglite = new PGlite();
    await applyPendingMigrations(new PrismaPGlite(pglite));
    const snapshot = await pglite.dumpDataDir("none");
    await pglite.close();
    const dir = mkdtempSync(path.join(tmpdir(), "planner-tests-"));
    const snapshotPath = path.join(dir, "migrated.tar");
    writeFileSync(snapshotPath, Buffer.from(await snapshot.arrayBuffer()));
    project.provide("pgliteSnapshotPath", snapshotPath);
    return () => rmSync(dir, { recursive: true, force: true });
  }
  if (project.name === "postgres") {
    const serverUrl = process.env.TEST_DATABASE_URL;
    if (!serverUrl) throw new Error("The postgres test project needs TEST_DATABASE_URL.");
    assertLocalServer(serverUrl);
    const database = `planner_template_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    const opened = openAdapter({ kind: "postgres", url: databaseUrl(serverUrl, database) });
    await applyPendingMigrations(opened.factory);
    await opened.close();
    project.provide("postgresTemplate", { serverUrl, database });
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.end();
    };
  }
  return undefined;
}

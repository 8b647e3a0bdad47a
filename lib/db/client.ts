import "server-only";
import { loadKeyEncryptionKeys } from "@/lib/crypto/load-keys";
import type { Db } from "./types";
import { databaseTargetFromEnv, openAdapter } from "./adapter";
import { createDbClient } from "./create-client";

// One client per server process; kept on globalThis so dev-mode reloads do not open PGlite twice.
const holder = globalThis as typeof globalThis & { __planner_db?: Db };

export function getDb(): Db {
  holder.__planner_db ??= createDbClient(openAdapter(databaseTargetFromEnv()).factory, { keys: loadKeyEncryptionKeys() });
  return holder.__planner_db;
}

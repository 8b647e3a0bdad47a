import "server-only";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { Db } from "./types";
import { databaseTargetFromEnv, openAdapter } from "./adapter";

// One client per server process; kept on globalThis so dev-mode reloads do not open PGlite twice.
const holder = globalThis as typeof globalThis & { __planner_db?: Db };

export function getDb(): Db {
  holder.__planner_db ??= new PrismaClient({ adapter: openAdapter(databaseTargetFromEnv()).factory });
  return holder.__planner_db;
}

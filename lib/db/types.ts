import type { PrismaClient } from "@/lib/generated/prisma/client";

/** The database handle every data-access function receives (a test passes its own). */
export type Db = PrismaClient;

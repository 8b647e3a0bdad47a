import type { Db } from "@/lib/db/types";

/**
 * Who is acting, and through which database. Every data-access function takes one: there is
 * no way to read or change user data without naming the user it is done for.
 */
export type Access = {
  readonly db: Db;
  readonly userId: string;
};

import { it } from "vitest";

/**
 * Race tests send requests at the same moment and check that one consistent state is left.
 * Only a server can interleave them: PGlite serves one connection, so concurrent requests
 * queue there and such a test passes whatever the code does. They run in the postgres
 * project (CI sets TEST_DATABASE_URL); in the pglite project each is reported as skipped,
 * with this reason (decision 031).
 */
export const RACES_NEED_A_SERVER = "a race test: it runs on PostgreSQL only, since PGlite serves one connection and concurrent requests queue there";

export const racesCanHappen = process.env.TEST_DB_KIND === "postgres";

export function raceTest(name: string, body: () => Promise<void>, timeoutMs?: number): void {
  it(name, { timeout: timeoutMs }, async (context) => {
    context.skip(!racesCanHappen, RACES_NEED_A_SERVER);
    await body();
  });
}

import { afterAll, beforeAll } from "vitest";
import { useTestDb as handToFakeSession } from "./fake-session";
import { createTestDb, type TestDb } from "./test-db";

/**
 * A fresh test database for one edge-test file, also handed to the fake session (which stands
 * in for lib/auth/session and lib/db/client). The returned object is filled in before the
 * file's tests run.
 */
export function setUpEdgeTestDb(): TestDb {
  const t = {} as TestDb;
  beforeAll(async () => {
    Object.assign(t, await createTestDb());
    handToFakeSession(t.db);
  });
  afterAll(() => t.close());
  return t;
}

import { afterAll, beforeAll } from "vitest";
import { useTestDb as handToBrowser } from "./browser";
import { createTestDb, type TestDb } from "./test-db";

/**
 * A fresh test database for one edge-test file, also handed to the test browser (which stands
 * in for next/headers and lib/db/client). The returned object is filled in before the file's
 * tests run.
 */
export function setUpEdgeTestDb(): TestDb {
  const t = {} as TestDb;
  beforeAll(async () => {
    Object.assign(t, await createTestDb());
    handToBrowser(t.db);
  });
  afterAll(() => t.close());
  return t;
}

import { walkTheWholeLoop } from "./support/conversation-loop";
import { test } from "./support/fixtures";

/**
 * Issue 12's whole loop on the ordinary e2e server, on the embedded database (e2e/support/conversation-loop.ts).
 * Where a PostgreSQL server is configured (as in CI) the same walk runs there instead
 * (conversation-loop-postgres.spec.ts): every other spec already runs on the embedded database,
 * and walking the loop twice would only repeat it.
 */
test("a new couple walks the whole loop: check-in, agenda, reminder, a conversation with a pause, closing, private reflections, history", async ({ signUp }) => {
  test.skip(Boolean(process.env.TEST_DATABASE_URL), "Walked on PostgreSQL in conversation-loop-postgres.spec.ts.");
  test.setTimeout(300_000);
  await walkTheWholeLoop(signUp);
});

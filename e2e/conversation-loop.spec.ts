import { walkTheWholeLoop } from "./support/conversation-loop";
import { test } from "./support/fixtures";

/** Issue 12's whole loop on the ordinary e2e server, on the embedded database (e2e/support/conversation-loop.ts). */
test("a new couple walks the whole loop: check-in, agenda, reminder, a conversation with a pause, closing, private reflections, history", async ({ signUp }) => {
  test.setTimeout(300_000);
  await walkTheWholeLoop(signUp);
});

import { loadKeyEncryptionKeys } from "../../lib/crypto/load-keys.ts";
import { databaseTargetFromEnv } from "../../lib/db/adapter.ts";
import { createDbClient } from "../../lib/db/create-client.ts";
import { openAdapterOrExit } from "../../lib/db/open-or-exit.ts";
import { DEMO_PARTNERS, DEMO_PASSWORD } from "../../lib/demo/demo-accounts.ts";
import { seedDemo } from "../../lib/demo/seed-demo.ts";

// Creates the demo couple on DATABASE_URL, or on the embedded PGlite folder. Existing data is left alone.
const opened = openAdapterOrExit(databaseTargetFromEnv());
const db = createDbClient(opened.factory, { keys: loadKeyEncryptionKeys() });
try {
  const { created } = await seedDemo(db);
  console.log(created.length ? `Created the demo accounts: ${created.join(", ")}.` : "The demo accounts already exist; nothing changed.");
  console.log(`Demo sign-in: ${DEMO_PARTNERS.map((p) => p.email).join(" or ")}, password ${DEMO_PASSWORD}`);
} finally {
  await db.$disconnect();
  await opened.close();
}

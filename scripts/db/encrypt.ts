import { encryptInPlace } from "../../lib/crypto/encrypt-in-place.ts";
import { KeyRing } from "../../lib/crypto/key-ring.ts";
import { loadKeyEncryptionKeys } from "../../lib/crypto/load-keys.ts";
import { databaseTargetFromEnv } from "../../lib/db/adapter.ts";
import { openAdapterOrExit } from "../../lib/db/open-or-exit.ts";
import { createDbClient } from "../../lib/db/create-client.ts";

// Encrypts a database written before encryption at rest, in place (resumable; npm start runs it).
const keys = loadKeyEncryptionKeys();
const opened = openAdapterOrExit(databaseTargetFromEnv());
const db = createDbClient(opened.factory, { keys });
try {
  const report = await encryptInPlace(db, new KeyRing(keys));
  const changed = Object.values(report).some((count) => count > 0);
  console.log(
    changed
      ? `Encryption at rest: encrypted ${report.encryptedValues} values in place, created ${report.createdKeys} data keys, ` +
          `dropped the shared words of ${report.droppedSnapshots} withdrawn consents and ${report.destroyedKeys} ended couples' keys.`
      : "Encryption at rest: everything is encrypted.",
  );
} finally {
  await db.$disconnect();
  await opened.close();
}

import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { KEY_FILE, PREVIOUS_KEY_FILE } from "../lib/crypto/key-encryption-keys.ts";
import { KeyRing } from "../lib/crypto/key-ring.ts";
import { loadKeyEncryptionKeys } from "../lib/crypto/load-keys.ts";
import { rewrapDataKeys } from "../lib/crypto/rotate.ts";
import { databaseTargetFromEnv } from "../lib/db/adapter.ts";
import { openAdapterOrExit } from "../lib/db/open-or-exit.ts";
import { createDbClient } from "../lib/db/create-client.ts";

/**
 * `npm run keys:rotate`: rewraps every data key under a new key-encryption key (README:
 * "Encryption at rest"). With DATA_ENCRYPTION_KEY, the new key is that variable and the old one
 * DATA_ENCRYPTION_KEY_PREVIOUS, set on every instance first. With the key file, this makes the
 * new key itself and keeps the old one in .data/encryption-key.previous until every data key
 * is rewrapped; run again after an interruption, it finishes the same rotation.
 */
const usesKeyFile = !process.env.DATA_ENCRYPTION_KEY;
if (usesKeyFile) {
  const file = path.resolve(KEY_FILE);
  const previous = path.resolve(PREVIOUS_KEY_FILE);
  if (!existsSync(file)) {
    console.error(`There is no ${KEY_FILE} to rotate (and DATA_ENCRYPTION_KEY is not set).`);
    process.exit(1);
  }
  // A run stopped between keeping the old key and writing the new one left them equal.
  const started = existsSync(previous) && readFileSync(previous, "utf8").trim() !== readFileSync(file, "utf8").trim();
  if (!started) {
    if (!existsSync(previous)) copyFileSync(file, previous);
    const next = `${file}.next`;
    writeFileSync(next, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600 });
    renameSync(next, file);
  }
} else if (!process.env.DATA_ENCRYPTION_KEY_PREVIOUS) {
  console.log("DATA_ENCRYPTION_KEY_PREVIOUS is not set: rewrapping any data key not under DATA_ENCRYPTION_KEY (normally none).");
}

const keys = loadKeyEncryptionKeys();
const opened = openAdapterOrExit(databaseTargetFromEnv());
const db = createDbClient(opened.factory, { keys });
try {
  const rewrapped = await rewrapDataKeys(db, new KeyRing(keys));
  console.log(`Rewrapped ${rewrapped} data keys under key-encryption key ${keys.current.id}.`);
  if (usesKeyFile) {
    rmSync(path.resolve(PREVIOUS_KEY_FILE), { force: true });
    console.log(`The old key is deleted. Back up the new ${KEY_FILE} with the database: a backup is unreadable without its key.`);
  } else if (keys.previous) {
    console.log("Every data key now uses DATA_ENCRYPTION_KEY: remove DATA_ENCRYPTION_KEY_PREVIOUS from every instance and destroy the old key.");
  }
} finally {
  await db.$disconnect();
  await opened.close();
}

import "server-only";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getEnv } from "@/lib/env";
import { KEY_BYTES } from "./aead";
import { KEY_FILE, PREVIOUS_KEY_FILE, parseKeyEncryptionKey, type KeyEncryptionKeys } from "./key-encryption-keys";

function readKeyFile(file: string) {
  return parseKeyEncryptionKey(readFileSync(file, "utf8"), file);
}

/** Creates the key file once (owner-only); a racing creator's file wins and is kept. */
function createKeyFile(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    writeFileSync(file, `${randomBytes(KEY_BYTES).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
}

/**
 * The KEKs this process uses: DATA_ENCRYPTION_KEY (and DATA_ENCRYPTION_KEY_PREVIOUS during a
 * rotation), or else the key file. Outside production a missing key file is created, so
 * development and scripts need no set-up; in production `npm start` creates it before the
 * server starts, and a server that finds none refuses to run rather than invent a new key
 * that could not open the existing data.
 */
export function loadKeyEncryptionKeys(root = process.cwd()): KeyEncryptionKeys {
  const env = getEnv();
  if (env.DATA_ENCRYPTION_KEY) {
    return {
      current: parseKeyEncryptionKey(env.DATA_ENCRYPTION_KEY, "DATA_ENCRYPTION_KEY"),
      previous: env.DATA_ENCRYPTION_KEY_PREVIOUS ? parseKeyEncryptionKey(env.DATA_ENCRYPTION_KEY_PREVIOUS, "DATA_ENCRYPTION_KEY_PREVIOUS") : null,
    };
  }
  const file = path.resolve(root, KEY_FILE);
  if (!existsSync(file)) {
    if (env.NODE_ENV === "production") {
      throw new Error(`No encryption key: set DATA_ENCRYPTION_KEY, or start with \`npm start\`, which creates ${KEY_FILE}. If the database already holds data, restore the key it was written with from your backup.`);
    }
    createKeyFile(file);
  }
  const previous = path.resolve(root, PREVIOUS_KEY_FILE);
  return { current: readKeyFile(file), previous: existsSync(previous) ? readKeyFile(previous) : null };
}

import "server-only";
import { createHmac } from "node:crypto";
import { KEY_BYTES } from "./aead";

/**
 * The key-encryption key (KEK) wraps every data key; it never touches the database. It comes
 * from DATA_ENCRYPTION_KEY, or on the embedded default from the key file `npm start` writes.
 * During a rotation the previous KEK is accepted too, so data keys wrapped by either open.
 */
export type KeyEncryptionKey = { id: string; key: Buffer };
export type KeyEncryptionKeys = { current: KeyEncryptionKey; previous: KeyEncryptionKey | null };

export const KEY_FILE = ".data/encryption-key";
/** Kept only while `npm run keys:rotate` rewraps the data keys of a key file's database. */
export const PREVIOUS_KEY_FILE = ".data/encryption-key.previous";

export const KEY_FORMAT_HELP = "32 random bytes in base64, e.g. the output of `openssl rand -base64 32`";

/** The 32 bytes of a key given in base64 or base64url, or null when it is not one. */
export function decodeKeyMaterial(encoded: string): Buffer | null {
  const text = encoded.trim();
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) return null;
  const bytes = Buffer.from(text.replace(/\+/g, "-").replace(/\//g, "_").replace(/=$/, ""), "base64url");
  return bytes.length === KEY_BYTES ? bytes : null;
}

/** A short public name for a KEK (recorded beside each wrapped data key); it reveals nothing of the key. */
export function keyEncryptionKey(material: Buffer): KeyEncryptionKey {
  const id = createHmac("sha256", material).update("common-ground key-encryption key id").digest("hex").slice(0, 16);
  return { id, key: material };
}

export function parseKeyEncryptionKey(encoded: string, source: string): KeyEncryptionKey {
  const material = decodeKeyMaterial(encoded);
  if (!material) throw new Error(`${source} is not a valid key: it must be ${KEY_FORMAT_HELP}.`);
  return keyEncryptionKey(material);
}

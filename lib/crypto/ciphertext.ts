import "server-only";
import { open, seal } from "./aead";

/**
 * How an encrypted field is stored: `enc:v1:<data key id>:<base64url(nonce | ciphertext | tag)>`.
 * The version names this format (and AES-256-GCM); the key id names the data key (a DataKey
 * row), so a value can always be opened with the key that sealed it, whatever key a field's
 * owner uses today. The associated data is the version, the field and the key id.
 */
const PREFIX = "enc:v1:";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type FieldName = `${string}.${string}`;

export type ParsedCiphertext = { keyId: string; sealed: Buffer };

function associatedData(field: FieldName, keyId: string): string {
  return `${PREFIX}${field}:${keyId}`;
}

export function encryptField(field: FieldName, keyId: string, key: Buffer, plaintext: string): string {
  return `${PREFIX}${keyId}:${seal(key, Buffer.from(plaintext, "utf8"), associatedData(field, keyId)).toString("base64url")}`;
}

/** Null when the value is not in this format (e.g. text written before encryption existed). */
export function parseCiphertext(value: string): ParsedCiphertext | null {
  if (!value.startsWith(PREFIX)) return null;
  const rest = value.slice(PREFIX.length);
  const separator = rest.indexOf(":");
  const keyId = rest.slice(0, separator);
  if (separator === -1 || !UUID.test(keyId)) return null;
  return { keyId, sealed: Buffer.from(rest.slice(separator + 1), "base64url") };
}

export function decryptField(field: FieldName, parsed: ParsedCiphertext, key: Buffer): string {
  return open(key, parsed.sealed, associatedData(field, parsed.keyId)).toString("utf8");
}

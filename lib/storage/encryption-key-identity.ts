import "server-only";
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { decodeKeyMaterial, KEY_FILE } from "@/lib/crypto/key-encryption-keys";

/**
 * Which key-encryption key this installation uses, without revealing it: backups record it
 * and restores compare it (decision 024). The key comes from DATA_ENCRYPTION_KEY, else from
 * the generated key file next to the session secret.
 */
export const ENCRYPTION_KEY_FILE = KEY_FILE;

export type KeyIdentity = { source: string; fingerprint: string };
export type KeyEnvironment = Record<string, string | undefined>;

export function currentKeyIdentity(env: KeyEnvironment = process.env, keyFile = ENCRYPTION_KEY_FILE): KeyIdentity | null {
  const fromEnv = env.DATA_ENCRYPTION_KEY?.trim();
  if (fromEnv) return { source: "the DATA_ENCRYPTION_KEY environment variable", fingerprint: fingerprintOf(fromEnv) };
  let fromFile: string;
  try {
    fromFile = readFileSync(keyFile, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  return fromFile ? { source: path.resolve(keyFile), fingerprint: fingerprintOf(fromFile) } : null;
}

/**
 * A key check value: an HMAC of a fixed label under the key. It identifies the key and reveals
 * nothing of it. A key's base64 and base64url spellings are the same key, so the same value.
 */
export function fingerprintOf(key: string): string {
  const material = decodeKeyMaterial(key) ?? Buffer.from(key.trim());
  return createHmac("sha256", material).update("common-ground backup key check v1").digest("hex").slice(0, 32);
}

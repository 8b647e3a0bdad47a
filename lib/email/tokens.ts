import { createHash, randomBytes } from "node:crypto";

/**
 * Secrets sent in links (sign-up, verification, password reset) and browser keys: 32 random
 * bytes, of which only the SHA-256 is stored, so a copy of the database opens nothing.
 */
export function newSecret(): { secret: string; hash: string } {
  const secret = randomBytes(32).toString("base64url");
  return { secret, hash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

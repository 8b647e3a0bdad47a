import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";
import { recordId } from "@/lib/validation/fields";

/**
 * One-click unsubscribe links: the recipient's id signed with HMAC-SHA256, so the link works
 * without signing in and cannot be made for anyone else. The purpose string keeps these
 * signatures from being valid for anything else signed with the same secret.
 */
const PURPOSE = "reminder-unsubscribe:v1:";

function signature(userId: string, secret: string): string {
  return createHmac("sha256", secret).update(PURPOSE + userId).digest("base64url");
}

export function unsubscribeToken(userId: string, secret: string): string {
  return `${userId}.${signature(userId, secret)}`;
}

/** The user id a token was made for, or null when it is malformed or its signature is wrong. */
export function verifyUnsubscribeToken(token: string, secret: string): string | null {
  const [userId, given, ...rest] = token.split(".");
  if (!userId || !given || rest.length || !recordId.safeParse(userId).success) return null;
  const expected = Buffer.from(signature(userId, secret));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? userId : null;
}

/** The page that asks the recipient to confirm; shown in the email. */
export function unsubscribePageUrl(appUrl: string, token: string): string {
  return `${appUrl}/unsubscribe/${encodeURIComponent(token)}`;
}

/** The one-click endpoint mail clients POST to (List-Unsubscribe-Post, RFC 8058). */
export function oneClickUnsubscribeUrl(appUrl: string, token: string): string {
  return `${appUrl}/api/reminders/unsubscribe/${encodeURIComponent(token)}`;
}

const DEVELOPMENT_ONLY_SECRET = "development-only: set NEXTAUTH_SECRET to sign unsubscribe links";

/** NEXTAUTH_SECRET signs the links; lib/env.ts requires it in production. */
export function unsubscribeSecret(): string {
  const env = getEnv();
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  if (env.NODE_ENV === "production") throw new Error("NEXTAUTH_SECRET is required to sign unsubscribe links.");
  return DEVELOPMENT_ONLY_SECRET;
}

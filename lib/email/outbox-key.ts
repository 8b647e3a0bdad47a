import "server-only";
import { cookies } from "next/headers";
import { isOutboxEnabled } from "./config";
import { hashSecret, newSecret } from "./tokens";

/**
 * Development outbox only: a random key in an http-only cookie names this browser's mailbox, so
 * mail asked for while signed out (a sign-up link) is readable in /outbox by the browser that
 * asked, and by no other (decision 018). With a real mail server there is no such cookie.
 */
const COOKIE = "cg-outbox-key";
const KEY_PATTERN = /^[\w-]{43}$/;
const MAX_AGE_S = 30 * 24 * 60 * 60;

/** The hash of this browser's key, if the outbox exists and the browser has one. */
export async function currentOutboxKeyHash(): Promise<string | null> {
  if (!isOutboxEnabled()) return null;
  const value = (await cookies()).get(COOKIE)?.value;
  return value && KEY_PATTERN.test(value) ? hashSecret(value) : null;
}

/** As currentOutboxKeyHash, giving the browser a key first if it has none (server actions only: it sets a cookie). */
export async function ensureOutboxKeyHash(): Promise<string | null> {
  if (!isOutboxEnabled()) return null;
  const jar = await cookies();
  const existing = jar.get(COOKIE)?.value;
  if (existing && KEY_PATTERN.test(existing)) return hashSecret(existing);
  const { secret, hash } = newSecret();
  jar.set(COOKIE, secret, { httpOnly: true, sameSite: "lax", path: "/", maxAge: MAX_AGE_S });
  return hash;
}

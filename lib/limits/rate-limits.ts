import "server-only";
import { createHash } from "node:crypto";
import ipaddr from "ipaddr.js";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/lib/db/types";

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Every rate limit in the app, one tier per kind: how many points a key may use in a window
 * (seconds; the window starts at the first point and does not slide). Why these numbers:
 * docs/decisions/020-rate-limits-and-client-address.md.
 */
export const RATE_LIMITS = {
  /** Sign-in attempts from one address at one account; a success starts the count again. */
  "sign-in-pair": { points: 5, duration: 15 * MINUTE },
  /** Failed sign-ins from one address, whatever the account. */
  "sign-in-address": { points: 50, duration: HOUR },
  /** Failed sign-ins at one account from addresses it has not signed in from lately. */
  "sign-in-account": { points: 20, duration: HOUR },
  /** Marks an (account, address) pair that signed in successfully, for 30 days. */
  "sign-in-known-address": { points: 1, duration: 30 * DAY },
  /** Sign-up attempts from one address. */
  "sign-up": { points: 10, duration: HOUR },
  /** Invite links one person creates (by copy or by email). */
  invite: { points: 20, duration: DAY },
  /** Invite emails one person sends. */
  "invite-email-sender": { points: 5, duration: DAY },
  /** Invite emails to one address, from anyone. */
  "invite-email-recipient": { points: 3, duration: DAY },
  /** Shares one person makes; each grant stays in their audit trail for good (C9). */
  share: { points: 100, duration: DAY },
  /** Unsubscribe requests from one address. */
  unsubscribe: { points: 30, duration: HOUR },
  /** Autosaves of drafts by one person: one a second on average, far more than typing with pauses makes. */
  "draft-save": { points: 300, duration: 5 * MINUTE },
  /** Data exports of one account. */
  export: { points: 10, duration: HOUR },
  /** Password confirmations by a signed-in person (account deletion, password change). */
  "password-confirm": { points: 5, duration: 15 * MINUTE },
  /** Password-reset emails to one address. */
  "password-reset-email": { points: 3, duration: HOUR },
  /** Address-verification emails for one account. */
  "verification-email": { points: 5, duration: DAY },
  /** Requests for reset or verification emails from one address. */
  "email-request-address": { points: 20, duration: HOUR },
} as const satisfies Record<string, { points: number; duration: number }>;

export type RateLimitKind = keyof typeof RATE_LIMITS;

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const PURGE_EVERY_MS = 5 * 60_000;

type LimiterSet = { limiters: Map<RateLimitKind, RateLimiterPrisma>; lastPurge: number };
const perDatabase = new WeakMap<Db, LimiterSet>();

function limiterSet(db: Db): LimiterSet {
  let set = perDatabase.get(db);
  if (!set) {
    set = { limiters: new Map(), lastPurge: Date.now() };
    perDatabase.set(db, set);
  }
  return set;
}

function limiter(db: Db, kind: RateLimitKind): RateLimiterPrisma {
  const set = limiterSet(db);
  let found = set.limiters.get(kind);
  if (!found) {
    // Purging is ours (purgeExpiredRateLimits): one statement for every kind, not a timer each.
    found = new RateLimiterPrisma({ storeClient: db, tableName: "rateLimit", keyPrefix: kind, ...RATE_LIMITS[kind], clearExpiredByTimeout: false });
    set.limiters.set(kind, found);
  }
  return found;
}

/**
 * A counter's key: the parts hashed, so the table holds no email address or IP address. An
 * IPv6 address counts by its /64 network, which one household or one attacker usually holds
 * whole; an IPv4 address counts alone.
 */
export function rateLimitKey(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("base64url");
}

export function addressKeyPart(address: string | null): string {
  if (!address) return "unknown";
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv4") return parsed.toString();
  const ipv6 = parsed as ipaddr.IPv6;
  if (ipv6.isIPv4MappedAddress()) return ipv6.toIPv4Address().toString();
  return `${ipv6.parts.slice(0, 4).map((part) => part.toString(16)).join(":")}::/64`;
}

function refusal(result: unknown): RateLimitVerdict {
  // The library rejects with a RateLimiterRes when the points are used up, and with an Error when the store fails.
  if (!(result instanceof RateLimiterRes)) throw result;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)) };
}

/** Deletes counters whose window ended (run at most every five minutes per database, on use). */
export async function purgeExpiredRateLimits(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.rateLimit.deleteMany({ where: { expire: { lte: now } } });
  return count;
}

async function purgeWhenDue(db: Db): Promise<void> {
  const set = limiterSet(db);
  if (Date.now() - set.lastPurge < PURGE_EVERY_MS) return;
  set.lastPurge = Date.now();
  await purgeExpiredRateLimits(db);
}

/**
 * Uses one point of `kind` for `key`, atomically (concurrent calls are all counted): refused
 * once the tier's points are used up, until its window ends. The one function every limited
 * action calls; see RATE_LIMITS for the kinds.
 */
export async function consumeRateLimit(db: Db, kind: RateLimitKind, key: string): Promise<RateLimitVerdict> {
  await purgeWhenDue(db);
  try {
    await limiter(db, kind).consume(key);
    return { allowed: true };
  } catch (error) {
    return refusal(error);
  }
}

/** Whether `key` would be refused now, without using a point. */
export async function peekRateLimit(db: Db, kind: RateLimitKind, key: string): Promise<RateLimitVerdict> {
  const state = await limiter(db, kind).get(key);
  if (!state || state.consumedPoints < RATE_LIMITS[kind].points) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(state.msBeforeNext / 1000)) };
}

/** Gives back a point used for an attempt that turned out fine. */
export async function refundRateLimit(db: Db, kind: RateLimitKind, key: string): Promise<void> {
  await limiter(db, kind).reward(key);
}

/** Forgets `key`'s count for `kind`. */
export async function resetRateLimit(db: Db, kind: RateLimitKind, key: string): Promise<void> {
  await limiter(db, kind).delete(key);
}

/** Records `key` for the whole window of `kind` (a mark, not a count). */
export async function markRateLimit(db: Db, kind: RateLimitKind, key: string): Promise<void> {
  await limiter(db, kind).set(key, 1, RATE_LIMITS[kind].duration);
}

/** Whether `key` is currently marked or counted for `kind`. */
export async function hasRateLimitEntry(db: Db, kind: RateLimitKind, key: string): Promise<boolean> {
  return (await limiter(db, kind).get(key)) !== null;
}

/** "2 minutes", "3 hours": how long to wait, rounded up, for a sentence in a form. */
export function waitText(seconds: number): string {
  const unit = (count: number, name: string) => `${count} ${name}${count === 1 ? "" : "s"}`;
  if (seconds <= 90) return unit(Math.max(1, Math.ceil(seconds)), "second");
  if (seconds <= 90 * MINUTE) return unit(Math.ceil(seconds / MINUTE), "minute");
  return unit(Math.ceil(seconds / HOUR), "hour");
}

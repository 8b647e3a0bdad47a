import "server-only";
import { DomainError } from "@/lib/data/errors";
import type { Db } from "@/lib/db/types";
import { consumeRateLimit, waitText, type RateLimitKind } from "./rate-limits";

/** A rate limit's refusal: the message says when to try again; routes send it as Retry-After. */
export class RateLimitedError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super("rate-limited", message);
    this.name = "RateLimitedError";
  }
}

/**
 * Uses one point of `kind` for `key`, or throws a RateLimitedError whose message is `reason`
 * followed by when to try again ("Try again in 3 hours.").
 */
export async function enforceRateLimit(db: Db, kind: RateLimitKind, key: string, reason: string): Promise<void> {
  const verdict = await consumeRateLimit(db, kind, key);
  if (!verdict.allowed) {
    throw new RateLimitedError(`${reason} Try again in ${waitText(verdict.retryAfterSeconds)}.`, verdict.retryAfterSeconds);
  }
}

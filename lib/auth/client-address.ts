/**
 * The client's address as the nearest proxy reports it; used only to throttle guessing.
 * Proxies append the address they saw to X-Forwarded-For, so only the last entry is theirs:
 * anything before it came from the client and could be made up to dodge the throttle.
 */
export function clientAddressFrom(headers: Record<string, unknown>): string | null {
  const forwarded = headers["x-forwarded-for"];
  const nearest = typeof forwarded === "string" ? forwarded.split(",").at(-1)?.trim() : undefined;
  if (nearest) return nearest.slice(0, 64);
  const real = headers["x-real-ip"];
  return typeof real === "string" && real ? real.slice(0, 64) : null;
}

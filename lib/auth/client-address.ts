/** The client's address as the nearest proxy reports it; used only to throttle guessing. */
export function clientAddressFrom(headers: Record<string, unknown>): string | null {
  const forwarded = headers["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  if (first) return first.slice(0, 64);
  const real = headers["x-real-ip"];
  return typeof real === "string" && real ? real.slice(0, 64) : null;
}

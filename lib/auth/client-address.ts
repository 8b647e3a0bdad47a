import { headers } from "next/headers";

type HeaderSource = Headers | Record<string, unknown>;

function headerValue(source: HeaderSource, name: string): unknown {
  return source instanceof Headers ? source.get(name) : source[name];
}

/**
 * The client's address, used only to count attempts. scripts/serve.ts settles X-Forwarded-For
 * to exactly one address, taken from the socket or from trusted proxies only (TRUST_PROXY,
 * decision 020), before the app sees the request; whatever the client wrote there is gone.
 * The last entry is read so that a server run without serve.ts (next dev) still takes the
 * entry nearest to it.
 */
export function clientAddressFrom(source: HeaderSource): string | null {
  const forwarded = headerValue(source, "x-forwarded-for");
  const nearest = typeof forwarded === "string" ? forwarded.split(",").at(-1)?.trim() : undefined;
  return nearest ? nearest.slice(0, 64) : null;
}

/** The current request's client address, in a server action or a server component. */
export async function requestClientAddress(): Promise<string | null> {
  return clientAddressFrom(await headers());
}

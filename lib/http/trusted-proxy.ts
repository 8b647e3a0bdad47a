import type { IncomingMessage } from "node:http";
import ipaddr from "ipaddr.js";
import proxyAddr from "proxy-addr";
import { z } from "zod";

/** Whether the peer at hop `index` (0 = the socket's peer) is a proxy we trust to report the client. */
export type ProxyTrust = (address: string, index: number) => boolean;

const MAX_HOPS = 10;

/**
 * TRUST_PROXY: unset trusts no proxy (the socket's peer is the client); a number trusts that
 * many proxies in front of the app; otherwise a comma-separated list of proxy addresses or
 * CIDR ranges (or proxy-addr's names loopback, linklocal, uniquelocal) whose
 * X-Forwarded-For entries are believed.
 */
export const trustProxySchema = z
  .string()
  .trim()
  .optional()
  .transform((value, context): ProxyTrust => {
    if (!value || value === "false") return () => false;
    if (/^\d+$/.test(value)) {
      const hops = Number(value);
      if (hops > MAX_HOPS) {
        context.addIssue({ code: "custom", message: `TRUST_PROXY counts proxies: at most ${MAX_HOPS}.` });
        return z.NEVER;
      }
      return (_address, index) => index < hops;
    }
    try {
      return proxyAddr.compile(value.split(",").map((entry) => entry.trim()));
    } catch {
      context.addIssue({
        code: "custom",
        message: "TRUST_PROXY must be a number of proxies, or proxy addresses and CIDR ranges separated by commas (e.g. loopback or 10.0.0.0/8).",
      });
      return z.NEVER;
    }
  });

/** An address in its plain form: IPv4 clients of a dual-stack socket arrive as ::ffff:a.b.c.d. */
function plainAddress(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.parse(address);
  return parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()
    ? (parsed as ipaddr.IPv6).toIPv4Address().toString()
    : parsed.toString();
}

/**
 * The client's address for a request reaching this server: the socket's peer, unless that peer
 * is a trusted proxy, in which case the proxy-addr rules walk X-Forwarded-For from the right
 * through trusted proxies only. Anything a client writes into the header itself is ignored.
 */
export function clientAddressOf(request: IncomingMessage, trust: ProxyTrust): string {
  return plainAddress(proxyAddr(request, trust));
}

const FORWARDING_HEADERS = ["forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip"];

/**
 * Rewrites a request's forwarding headers before Next.js sees them: X-Forwarded-For becomes the
 * one address decided above (the app reads nothing else), and when the socket's peer is not a
 * trusted proxy, the other forwarded values it sent are dropped, so Next.js fills them in from
 * the connection itself.
 */
export function settleForwardingHeaders(request: IncomingMessage, trust: ProxyTrust): void {
  const client = clientAddressOf(request, trust);
  const peer = request.socket.remoteAddress ?? "";
  if (!trust(peer, 0)) for (const name of FORWARDING_HEADERS) delete request.headers[name];
  request.headers["x-forwarded-for"] = client;
}

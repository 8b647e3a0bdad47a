import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { clientAddressOf, settleForwardingHeaders, trustProxySchema } from "@/lib/http/trusted-proxy";

function requestFrom(peer: string, headers: Record<string, string> = {}): IncomingMessage {
  return { socket: { remoteAddress: peer }, headers: { ...headers } } as unknown as IncomingMessage;
}

const trust = (setting?: string) => trustProxySchema.parse(setting);

describe("the client address decided where the socket is known (scripts/serve.ts)", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    for (let i = 1; i <= 31; i += 1) {
      const request = requestFrom("198.51.100.7", { "x-forwarded-for": `10.0.${i}.1, 203.0.113.${i}` });
      expect(clientAddressOf(request, trust(undefined))).toBe("198.51.100.7");
    }
    expect(clientAddressOf(requestFrom("::ffff:198.51.100.7"), trust(""))).toBe("198.51.100.7");
  });

  it("behind trusted proxies, is the first address to the left of them", () => {
    const viaProxy = requestFrom("127.0.0.1", { "x-forwarded-for": "6.6.6.6, 203.0.113.9" });
    expect(clientAddressOf(viaProxy, trust("loopback"))).toBe("203.0.113.9");
    expect(clientAddressOf(viaProxy, trust("1"))).toBe("203.0.113.9");
    const twoProxies = requestFrom("10.0.0.2", { "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.1" });
    expect(clientAddressOf(twoProxies, trust("10.0.0.0/8"))).toBe("203.0.113.9");
    expect(clientAddressOf(twoProxies, trust("2"))).toBe("203.0.113.9");
  });

  it("believes X-Forwarded-For only from a trusted proxy: a client reaching the app directly is its socket address", () => {
    const direct = requestFrom("198.51.100.7", { "x-forwarded-for": "203.0.113.9" });
    expect(clientAddressOf(direct, trust("loopback, 10.0.0.0/8"))).toBe("198.51.100.7");
  });

  it("refuses a TRUST_PROXY it cannot read, with a message", () => {
    expect(trustProxySchema.safeParse("not an address").error?.issues[0]?.message).toMatch(/TRUST_PROXY must be/);
    expect(trustProxySchema.safeParse("99").error?.issues[0]?.message).toMatch(/at most 10/);
  });

  it("over a real connection, a sprayed X-Forwarded-For never reaches the app", async () => {
    const seen: (string | undefined)[] = [];
    const server = createServer((request, response) => {
      settleForwardingHeaders(request, trust(undefined));
      seen.push(request.headers["x-forwarded-for"] as string | undefined);
      response.end(JSON.stringify([request.headers["x-forwarded-host"] ?? null, request.headers["x-real-ip"] ?? null]));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      for (let i = 1; i <= 5; i += 1) {
        const response = await fetch(`http://127.0.0.1:${port}/`, {
          headers: { "x-forwarded-for": `203.0.113.${i}`, "x-forwarded-host": "evil.example", "x-real-ip": `192.0.2.${i}` },
        });
        expect(await response.json()).toEqual([null, null]);
      }
    } finally {
      server.close();
    }
    expect(new Set(seen)).toEqual(new Set(["127.0.0.1"]));
  });
});

describe("the client address as the app reads it", () => {
  it("is the one address in X-Forwarded-For, from a header object or Headers", () => {
    expect(clientAddressFrom({ "x-forwarded-for": "203.0.113.7" })).toBe("203.0.113.7");
    expect(clientAddressFrom(new Headers({ "x-forwarded-for": " 2001:db8::1 " }))).toBe("2001:db8::1");
  });

  it("is the entry nearest the server when there are several (a server run without serve.ts)", () => {
    expect(clientAddressFrom({ "x-forwarded-for": "1.2.3.4, 203.0.113.7" })).toBe("203.0.113.7");
  });

  it("is unknown when nothing names one, and ignores X-Real-IP, which a client can write", () => {
    expect(clientAddressFrom({})).toBeNull();
    expect(clientAddressFrom({ "x-forwarded-for": "" })).toBeNull();
    expect(clientAddressFrom({ "x-real-ip": "198.51.100.4" })).toBeNull();
    expect(clientAddressFrom({ "x-forwarded-for": ["203.0.113.7"] })).toBeNull();
  });

  it("is cut to 64 characters, so an odd header cannot make an oversized key", () => {
    expect(clientAddressFrom({ "x-forwarded-for": "a".repeat(500) })).toBe("a".repeat(64));
  });
});

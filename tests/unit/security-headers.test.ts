import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, strictTransportSecurity } from "@/lib/http/security-headers";

const directives = (policy: string) => new Map(policy.split("; ").map((part) => [part.split(" ")[0], part] as const));

describe("the Content-Security-Policy", () => {
  it("in production runs only scripts and styles carrying this response's nonce, and allows no inline code or eval", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc123", development: false, https: false }));
    expect(policy.get("script-src")).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy.get("style-src")).toBe("style-src 'self' 'nonce-abc123'");
    for (const part of policy.values()) expect(part).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it("forbids framing, plugins, a changed base URL and forms posted elsewhere", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "n", development: false, https: false }));
    expect(policy.get("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(policy.get("object-src")).toBe("object-src 'none'");
    expect(policy.get("base-uri")).toBe("base-uri 'none'");
    expect(policy.get("form-action")).toBe("form-action 'self'");
    expect(policy.get("default-src")).toBe("default-src 'self'");
  });

  it("upgrades insecure requests only when the app is served over https", () => {
    expect(contentSecurityPolicy({ nonce: "n", development: false, https: true })).toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ nonce: "n", development: false, https: false })).not.toContain("upgrade-insecure-requests");
  });

  it("allows eval in development only, where React rebuilds server error stacks with it", () => {
    expect(directives(contentSecurityPolicy({ nonce: "n", development: true, https: false })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("gets a different, unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{24}$/);
  });
});

describe("HSTS", () => {
  it("is sent when the app's URL is https", () => {
    expect(strictTransportSecurity("https://ground.example.org")).toBe("max-age=31536000");
  });

  it.each([undefined, "http://127.0.0.1:3000", "http://ground.example.org"])("is not sent for %s", (url) => {
    expect(strictTransportSecurity(url)).toBeNull();
  });
});

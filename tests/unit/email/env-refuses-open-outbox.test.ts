import { afterEach, describe, expect, it, vi } from "vitest";

/** lib/env.ts parses once per process; each case loads it afresh with its own environment. */
async function loadEnv(variables: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
  const { getEnv } = await import("@/lib/env");
  return getEnv;
}

afterEach(() => vi.unstubAllEnvs());

describe("the server's configuration", () => {
  it("stops a server that would listen beyond loopback with the development outbox", async () => {
    const getEnv = await loadEnv({ HOST: "0.0.0.0", SMTP_URL: undefined });
    expect(() => getEnv()).toThrow(/HOST=0\.0\.0\.0 .*Set SMTP_URL/);
  });

  it("accepts it with an SMTP server, and accepts loopback without one", async () => {
    expect((await loadEnv({ HOST: "0.0.0.0", SMTP_URL: "smtp://mail.example.org:25" }))().HOST).toBe("0.0.0.0");
    expect((await loadEnv({ HOST: "127.0.0.1", SMTP_URL: undefined }))().SMTP_URL).toBeUndefined();
  });
});

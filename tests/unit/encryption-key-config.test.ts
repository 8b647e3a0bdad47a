import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

const KEY = Buffer.alloc(32, 5).toString("base64");

/** lib/env parses the environment once per process: each case loads it afresh. */
async function fresh() {
  vi.resetModules();
  return { env: await import("@/lib/env"), keys: await import("@/lib/crypto/load-keys") };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the key-encryption key's configuration", () => {
  it("refuses to start on a PostgreSQL server without DATA_ENCRYPTION_KEY, with a clear message", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("NEXTAUTH_SECRET", "x".repeat(32));
    vi.stubEnv("DATABASE_URL", "postgres://app@db.example:5432/app");
    vi.stubEnv("DATA_ENCRYPTION_KEY", "");
    delete process.env.DATA_ENCRYPTION_KEY;
    const { env } = await fresh();
    expect(() => env.getEnv()).toThrow(/DATA_ENCRYPTION_KEY is required on a PostgreSQL server: every instance must encrypt with the same key/);
  });

  it("refuses a key that is not 32 bytes of base64", async () => {
    vi.stubEnv("DATA_ENCRYPTION_KEY", "too-short");
    const { env } = await fresh();
    expect(() => env.getEnv()).toThrow(/DATA_ENCRYPTION_KEY must be 32 random bytes in base64/);
  });

  it("uses DATA_ENCRYPTION_KEY and, during a rotation, DATA_ENCRYPTION_KEY_PREVIOUS", async () => {
    vi.stubEnv("DATA_ENCRYPTION_KEY", KEY);
    vi.stubEnv("DATA_ENCRYPTION_KEY_PREVIOUS", Buffer.alloc(32, 6).toString("base64url"));
    const { keys } = await fresh();
    const loaded = keys.loadKeyEncryptionKeys(mkdtempSync(path.join(tmpdir(), "keys-")));
    expect(loaded.current.key).toEqual(Buffer.alloc(32, 5));
    expect(loaded.previous?.key).toEqual(Buffer.alloc(32, 6));
  });

  it("without the variable, outside production, creates the key file once, readable by its owner only", async () => {
    delete process.env.DATA_ENCRYPTION_KEY;
    const root = mkdtempSync(path.join(tmpdir(), "keys-"));
    const { keys } = await fresh();
    const first = keys.loadKeyEncryptionKeys(root);
    const file = path.join(root, ".data/encryption-key");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(keys.loadKeyEncryptionKeys(root).current.id).toBe(first.current.id);
    expect(readFileSync(file, "utf8").trim()).toHaveLength(43);
  });

  it("in production, does not invent a key that could not open the existing data", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("NEXTAUTH_SECRET", "x".repeat(32));
    delete process.env.DATA_ENCRYPTION_KEY;
    delete process.env.DATABASE_URL;
    const { keys } = await fresh();
    expect(() => keys.loadKeyEncryptionKeys(mkdtempSync(path.join(tmpdir(), "keys-")))).toThrow(/No encryption key/);
  });
});

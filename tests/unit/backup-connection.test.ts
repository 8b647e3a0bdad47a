import { describe, expect, it } from "vitest";
import { libpqEnvironment } from "@/lib/storage/backup";
import { fingerprintOf } from "@/lib/storage/encryption-key-identity";

describe("pg_dump's connection comes from DATABASE_URL through libpq's variables", () => {
  it("passes host, port, user, password (decoded) and TLS settings", () => {
    expect(libpqEnvironment("postgres://app%40prod:p%40ss%2Fw0rd@db.example.org:6543/common_ground?sslmode=verify-full")).toEqual({
      PGHOST: "db.example.org",
      PGPORT: "6543",
      PGUSER: "app@prod",
      PGPASSWORD: "p@ss/w0rd",
      PGDATABASE: "common_ground",
      PGSSLMODE: "verify-full",
    });
  });

  it("refuses a URL without a database, or with a parameter it cannot pass on", () => {
    expect(() => libpqEnvironment("postgres://postgres@127.0.0.1:5432")).toThrow(/names no database/);
    expect(() => libpqEnvironment("postgres://postgres@127.0.0.1:5432/app?options=-c%20search_path%3Devil")).toThrow(/has the parameter options/);
  });
});

describe("a backup names its encryption key by fingerprint", () => {
  it("tells keys apart and never contains the key", () => {
    const key = "k".repeat(44);
    expect(fingerprintOf(key)).toBe(fingerprintOf(key));
    expect(fingerprintOf(key)).not.toBe(fingerprintOf(`${key}x`));
    expect(fingerprintOf(key)).toMatch(/^[0-9a-f]{32}$/);
    expect(fingerprintOf(key)).not.toContain("kkkk");
  });
});

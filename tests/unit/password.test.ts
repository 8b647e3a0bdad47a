import { describe, expect, it } from "vitest";
import { hashPassword, verifyAgainstDecoy, verifyPassword } from "@/lib/auth/password";

describe("password hashing", () => {
  it("uses argon2id with OWASP's baseline cost (19 MiB, 2 passes, 1 lane)", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(hash).not.toContain("correct horse battery");
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(await verifyPassword(hash, "correct horse battery")).toBe(true);
    expect(await verifyPassword(hash, "correct horse batter")).toBe(false);
    expect(await verifyPassword(hash, "Correct horse battery")).toBe(false);
    expect(await verifyPassword(hash, "")).toBe(false);
  });

  it("salts each hash, so the same password never gives the same hash twice", async () => {
    const [first, second] = await Promise.all([hashPassword("same password"), hashPassword("same password")]);
    expect(first).not.toBe(second);
    expect(await verifyPassword(second, "same password")).toBe(true);
  });

  it("the decoy check for a missing account refuses every password, including its own", async () => {
    expect(await verifyAgainstDecoy("anything at all")).toBe(false);
    expect(await verifyAgainstDecoy("decoy password that matches no account")).toBe(false);
  });
});

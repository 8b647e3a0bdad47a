import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate, registerUser } from "@/lib/auth/accounts";
import { emailSchema, signInSchema } from "@/lib/validation/account";
import { createTestDb, type TestDb } from "../support/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const PASSWORD = "a long enough password";

/** An account made directly (as the demo seed and a completed sign-up do), with the forms' email normalisation. */
function signUp(email: string, displayName = "Robin") {
  return registerUser(t.db, { displayName, email: emailSchema.parse(email), password: PASSWORD });
}
function signIn(email: string, password: string) {
  return authenticate(t.db, signInSchema.parse({ email, password }));
}

describe("signing up", () => {
  it("creates an account that can sign in, and stores only an argon2id hash of the password", async () => {
    const result = await signUp("new.person@example.com", "New Person");
    expect(result).toEqual({
      ok: true,
      user: { id: expect.any(String), email: "new.person@example.com", displayName: "New Person" },
    });
    const stored = await t.db.user.findUniqueOrThrow({ where: { email: "new.person@example.com" } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain(PASSWORD);
  });

  it("refuses a second account for the same email, however it is capitalised or padded", async () => {
    expect((await signUp("taken@example.com")).ok).toBe(true);
    expect(await signUp("taken@example.com", "Someone Else")).toEqual({ ok: false, reason: "email-taken" });
    expect(await signUp("  TAKEN@Example.com ", "Someone Else")).toEqual({ ok: false, reason: "email-taken" });
    const accounts = await t.db.user.findMany({ where: { email: { contains: "taken@", mode: "insensitive" } } });
    expect(accounts.map((account) => account.displayName)).toEqual(["Robin"]);
  });
});

describe("signing in", () => {
  it("lets the right password in, whatever the email's capitalisation", async () => {
    const registered = await signUp("sign.in@example.com");
    if (!registered.ok) throw new Error("sign-up failed");
    expect(await signIn("Sign.In@EXAMPLE.com", PASSWORD)).toEqual({ ok: true, user: registered.user });
  });

  it("answers a wrong password and an unknown email identically, so nobody learns who has an account", async () => {
    await signUp("exists@example.com");
    const wrongPassword = await signIn("exists@example.com", "not the password");
    const unknownEmail = await signIn("nobody@example.com", PASSWORD);
    expect(wrongPassword).toEqual({ ok: false, reason: "wrong-credentials" });
    expect(unknownEmail).toEqual(wrongPassword);
  });

  it("refuses a password that differs only in case or by a trailing space", async () => {
    await signUp("exact@example.com");
    expect((await signIn("exact@example.com", PASSWORD.toUpperCase())).ok).toBe(false);
    expect((await signIn("exact@example.com", `${PASSWORD} `)).ok).toBe(false);
  });
});

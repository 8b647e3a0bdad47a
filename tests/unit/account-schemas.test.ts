import { describe, expect, it } from "vitest";
import { completeSignUpSchema, emailSchema, resetPasswordSchema, signInSchema, signUpSchema } from "@/lib/validation/account";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/validation/limits";

const signUp = { displayName: "Robin", email: "robin@example.com" };
/** Finishing a sign-up from the emailed link: the password is chosen there. */
const finish = { token: "a-link-secret", displayName: "Robin", password: "correct horse battery" };

function fieldErrors(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  if (result.success || !result.error) throw new Error("expected the input to be refused");
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues) (errors[String(issue.path[0])] ??= []).push(issue.message);
  return errors;
}

describe("email addresses", () => {
  it("are trimmed and lower-cased, so one person has one account however they type it", () => {
    expect(emailSchema.parse("  Robin.Smith@Example.COM \n")).toBe("robin.smith@example.com");
    expect(signUpSchema.parse({ ...signUp, email: "ROBIN@example.com" }).email).toBe(
      signInSchema.parse({ email: " robin@EXAMPLE.com", password: "x" }).email,
    );
  });

  it.each(["", "   ", "robin", "robin@", "@example.com", "robin@example", "robin example@example.com", "robin@@example.com"])(
    "refuses %j",
    (email) => {
      expect(emailSchema.safeParse(email).success).toBe(false);
    },
  );

  it("asks for an address when none is given, and for a valid one when it is malformed", () => {
    expect(fieldErrors(signUpSchema.safeParse({ ...signUp, email: "" }))).toEqual({ email: ["Enter your email address."] });
    expect(fieldErrors(signUpSchema.safeParse({ ...signUp, email: "robin@" }))).toEqual({
      email: ["Enter a valid email address, like name@example.com."],
    });
  });

  it("refuses an address longer than 254 characters", () => {
    const long = `${"a".repeat(64)}@${"b".repeat(186)}.com`;
    expect(long.length).toBe(255);
    expect(fieldErrors(signUpSchema.safeParse({ ...signUp, email: long })).email).toContain("That email address is too long.");
  });

  it("refuses a value that is not text", () => {
    expect(emailSchema.safeParse(["robin@example.com"]).success).toBe(false);
    expect(emailSchema.safeParse(42).success).toBe(false);
  });
});

describe("sign-up", () => {
  it("asks for a name and an email only; the password is chosen from the emailed link, exactly as typed", () => {
    expect(signUpSchema.parse({ ...signUp, displayName: "  Robin " })).toEqual({ displayName: "Robin", email: "robin@example.com" });
    const parsed = completeSignUpSchema.parse({ ...finish, displayName: "  Robin ", password: "  spaces count  " });
    expect(parsed).toEqual({ token: "a-link-secret", displayName: "Robin", password: "  spaces count  " });
  });

  it(`refuses a new password shorter than ${PASSWORD_MIN} characters, on sign-up and on reset`, () => {
    for (const schema of [completeSignUpSchema, resetPasswordSchema]) {
      expect(schema.safeParse({ ...finish, password: "x".repeat(PASSWORD_MIN) }).success).toBe(true);
      expect(fieldErrors(schema.safeParse({ ...finish, password: "x".repeat(PASSWORD_MIN - 1) }))).toEqual({
        password: [`Use at least ${PASSWORD_MIN} characters.`],
      });
    }
  });

  it(`refuses a new password longer than ${PASSWORD_MAX} characters`, () => {
    expect(completeSignUpSchema.safeParse({ ...finish, password: "x".repeat(PASSWORD_MAX) }).success).toBe(true);
    expect(fieldErrors(completeSignUpSchema.safeParse({ ...finish, password: "x".repeat(PASSWORD_MAX + 1) }))).toEqual({
      password: [`Use at most ${PASSWORD_MAX} characters.`],
    });
  });

  it("refuses a missing, blank or overlong display name", () => {
    expect(fieldErrors(signUpSchema.safeParse({ ...signUp, displayName: undefined })).displayName).toBeDefined();
    expect(fieldErrors(signUpSchema.safeParse({ ...signUp, displayName: "   " }))).toEqual({
      displayName: ["Enter the name your partner knows you by."],
    });
    expect(fieldErrors(signUpSchema.safeParse({ ...signUp, displayName: "n".repeat(61) }))).toEqual({
      displayName: ["Keep your name under 60 characters."],
    });
  });

  it("reports every bad field at once", () => {
    expect(Object.keys(fieldErrors(signUpSchema.safeParse({ displayName: "", email: "x" }))).sort()).toEqual(["displayName", "email"]);
    expect(Object.keys(fieldErrors(completeSignUpSchema.safeParse({ token: "", displayName: "", password: "short" }))).sort()).toEqual([
      "displayName",
      "password",
      "token",
    ]);
  });
});

describe("sign-in", () => {
  it("accepts any non-empty password up to the maximum (length rules are for new passwords)", () => {
    expect(signInSchema.parse({ email: "robin@example.com", password: "a" })).toEqual({ email: "robin@example.com", password: "a" });
  });

  it("refuses an empty or overlong password and a password of the wrong type", () => {
    expect(fieldErrors(signInSchema.safeParse({ email: "robin@example.com", password: "" }))).toEqual({
      password: ["Enter your password."],
    });
    expect(signInSchema.safeParse({ email: "robin@example.com", password: "x".repeat(PASSWORD_MAX + 1) }).success).toBe(false);
    expect(signInSchema.safeParse({ email: "robin@example.com", password: ["secret"] }).success).toBe(false);
  });
});

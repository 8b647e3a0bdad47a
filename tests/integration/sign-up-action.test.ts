import { describe, expect, it, vi } from "vitest";
import { signUpAction } from "@/app/sign-up/actions";
import { IDLE } from "@/lib/actions/form-state";
import { formData } from "../support/forms";
import { setUpEdgeTestDb } from "../support/edge-test-db";

vi.mock("@/lib/db/client", () => import("../support/fake-session"));
// The address serve.ts would have settled for this request (sign-ups are limited per address).
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "198.51.100.1" }) }));

const t = setUpEdgeTestDb();

const PASSWORD = "a long enough password";

describe("the sign-up form", () => {
  it("creates the account with a normalised email", async () => {
    const state = await signUpAction(IDLE, formData({ displayName: "Robin", email: " Robin@Example.com ", password: PASSWORD }));
    expect(state).toEqual({ status: "ok", message: "Your account is ready. Signing you in…" });
    expect(await t.db.user.findUnique({ where: { email: "robin@example.com" } })).toMatchObject({ displayName: "Robin" });
  });

  it("says the email is taken, next to the email field, and creates nothing", async () => {
    await signUpAction(IDLE, formData({ displayName: "First", email: "taken@example.com", password: PASSWORD }));
    const before = await t.db.user.count();
    const state = await signUpAction(IDLE, formData({ displayName: "Second", email: "TAKEN@example.com", password: PASSWORD }));
    expect(state).toMatchObject({
      status: "error",
      fieldErrors: { email: ["An account already uses this email. Sign in instead."] },
      values: { displayName: "Second", email: "TAKEN@example.com" },
    });
    expect(await t.db.user.count()).toBe(before);
    expect(await t.db.user.findUniqueOrThrow({ where: { email: "taken@example.com" } })).toMatchObject({ displayName: "First" });
  });

  it("answers bad input with a message per field, never echoes the password, and creates nothing", async () => {
    const before = await t.db.user.count();
    const state = await signUpAction(IDLE, formData({ displayName: " ", email: "not-an-email", password: "short" }));
    expect(state).toEqual({
      status: "error",
      message: "Some fields need a second look.",
      fieldErrors: {
        displayName: ["Enter the name your partner knows you by."],
        email: ["Enter a valid email address, like name@example.com."],
        password: ["Use at least 10 characters."],
      },
      values: { displayName: " ", email: "not-an-email" },
    });
    expect(await t.db.user.count()).toBe(before);
  });
});

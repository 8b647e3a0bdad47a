import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { completeSignUpAction, signUpAction } from "@/app/sign-up/actions";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { authenticate } from "@/lib/auth/accounts";
import { signUpLinkStatus } from "@/lib/auth/sign-up";
import { listOutbox } from "@/lib/data/outbox";
import { setUpEdgeTestDb } from "../support/edge-test-db";
import { currentOutboxKeyHash, useBrowser } from "../support/fake-outbox-key";
import { formData } from "../support/forms";
import { deliverToOutbox, linkSecretIn } from "../support/mail";
import { cheapPasswordHash, createUser } from "../support/users";

const env = vi.hoisted(() => ({ NODE_ENV: "test" as const, APP_URL: "http://app.test", REMINDER_DISPATCH: "app" as const, SMTP_URL: undefined, HOST: "127.0.0.1" }));
vi.mock("@/lib/env", () => ({ getEnv: () => env }));
vi.mock("@/lib/db/client", () => import("../support/browser"));
vi.mock("next/headers", () => import("../support/browser"));
vi.mock("@/lib/email/outbox-key", () => import("../support/fake-outbox-key"));
vi.mock("@/lib/email/deliver-soon", () => import("../support/fake-deliver-soon"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const t = setUpEdgeTestDb();

const PASSWORD = "a long enough password";
const HOUR = 60 * 60_000;

beforeEach(() => useBrowser(null));

function requestSignUp(email: string, displayName = "Robin") {
  return signUpAction(IDLE, formData({ displayName, email, callbackUrl: "/welcome" }));
}

function complete(token: string, displayName = "Robin", password = PASSWORD) {
  return completeSignUpAction(IDLE, formData({ token, displayName, password }));
}

/** A form's answer with the address it names taken out, to compare two answers for different addresses. */
function withoutAddress(state: FormState, email: string): string {
  return JSON.stringify(state).replaceAll(email, "<address>");
}

describe("signing up is two steps: a link by email, then a password", () => {
  it("makes no account until the link is used, then one whose address is verified and that signs in", async () => {
    const state = await requestSignUp(" Robin@Example.com ");
    expect(state).toMatchObject({ status: "ok", message: expect.stringMatching(/^Check your email\./) });
    expect(await t.db.user.count({ where: { email: "robin@example.com" } })).toBe(0);

    const secret = await linkSecretIn(t.db, "robin@example.com", "/sign-up/confirm");
    expect(secret).toMatch(/^[\w-]{43}$/);
    expect(await complete(secret as string)).toEqual({ status: "ok", message: "Your account is ready. Signing you in…", data: { email: "robin@example.com" } });
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "robin@example.com" } });
    expect(user).toMatchObject({ displayName: "Robin", emailVerifiedAt: expect.any(Date) });
    expect((await authenticate(t.db, { email: "robin@example.com", password: PASSWORD })).ok).toBe(true);
  });

  it("stores only a hash of the link's secret, and the link works once", async () => {
    await requestSignUp("once@example.com");
    const secret = (await linkSecretIn(t.db, "once@example.com", "/sign-up/confirm")) as string;
    const [row] = await t.db.emailToken.findMany({ where: { email: "once@example.com" } });
    expect(row?.tokenHash).toBe(createHash("sha256").update(secret).digest("hex"));
    expect(JSON.stringify(await t.db.emailToken.findMany())).not.toContain(secret);

    expect((await complete(secret)).status).toBe("ok");
    const again = await complete(secret, "Someone Else", "another long password");
    expect(again).toMatchObject({ status: "error", message: expect.stringMatching(/already been used/) });
    expect(JSON.stringify(again)).not.toContain("another long password");
    expect(await t.db.user.findUniqueOrThrow({ where: { email: "once@example.com" } })).toMatchObject({ displayName: "Robin" });
  });

  it("refuses an expired link and a made-up one, making nothing", async () => {
    await requestSignUp("late@example.com");
    const secret = (await linkSecretIn(t.db, "late@example.com", "/sign-up/confirm")) as string;
    expect(await signUpLinkStatus(t.db, secret, new Date(Date.now() + 25 * HOUR))).toMatchObject({ ok: false, message: expect.stringMatching(/expired/) });
    await t.db.emailToken.updateMany({ where: { email: "late@example.com" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await complete(secret)).toMatchObject({ status: "error", message: expect.stringMatching(/expired/) });
    expect(await complete("x".repeat(43))).toMatchObject({ status: "error", message: expect.stringMatching(/not valid/) });
    expect(await t.db.user.count({ where: { email: "late@example.com" } })).toBe(0);
  });

  it("answers bad input with a message per field, creates and sends nothing", async () => {
    const [users, queued] = [await t.db.user.count(), await t.db.queuedEmail.count()];
    const state = await signUpAction(IDLE, formData({ displayName: " ", email: "not-an-email" }));
    expect(state).toEqual({
      status: "error",
      message: "Some fields need a second look.",
      fieldErrors: { displayName: ["Enter the name your partner knows you by."], email: ["Enter a valid email address, like name@example.com."] },
      values: { displayName: " ", email: "not-an-email" },
    });
    await requestSignUp("short@example.com");
    const secret = (await linkSecretIn(t.db, "short@example.com", "/sign-up/confirm")) as string;
    const short = await complete(secret, "Robin", "short");
    expect(short).toMatchObject({ status: "error", fieldErrors: { password: ["Use at least 10 characters."] } });
    expect(JSON.stringify(short)).not.toContain(secret);
    expect(await t.db.user.count()).toBe(users);
    expect(await t.db.queuedEmail.count()).toBe(queued + 1);
  });
});

describe("nobody learns from sign-up or sign-in whether an address has an account (SPEC C12)", () => {
  it("answers sign-up for a taken address exactly as for a new one; the owner gets a neutral note without a link", async () => {
    const owner = await createUser(t.db, "Owner", { email: "owner@example.com" });
    const taken = await requestSignUp("owner@example.com", "Stranger");
    const fresh = await requestSignUp("fresh@example.com", "Stranger");
    expect(withoutAddress(taken, "owner@example.com")).toBe(withoutAddress(fresh, "fresh@example.com"));

    expect(await t.db.emailToken.count({ where: { email: "owner@example.com" } })).toBe(0);
    await deliverToOutbox(t.db);
    const [note, ...more] = await t.db.outboxMessage.findMany({ where: { to: "owner@example.com" } });
    expect(more).toEqual([]);
    expect(note?.subject).toBe("Signing up to Common Ground");
    expect(note?.text).not.toMatch(/sign-up\/confirm|reset-password\//);
    expect(await t.db.user.findUniqueOrThrow({ where: { id: owner.id } })).toMatchObject({ displayName: "Owner" });
  });

  it("answers sign-in the same for a wrong password, an unknown address and a sign-up not finished", async () => {
    await t.db.user.create({ data: { email: "has@example.com", displayName: "Has", passwordHash: await cheapPasswordHash(PASSWORD), emailVerifiedAt: new Date() } });
    await requestSignUp("pending@example.com");
    const wrong = await authenticate(t.db, { email: "has@example.com", password: "not the password" });
    expect(wrong).toEqual({ ok: false, reason: "wrong-credentials" });
    expect(await authenticate(t.db, { email: "nobody@example.com", password: PASSWORD })).toEqual(wrong);
    expect(await authenticate(t.db, { email: "pending@example.com", password: PASSWORD })).toEqual(wrong);
  });
});

describe("who can read a sign-up link in the development outbox", () => {
  it("only the browser that asked for it: not another browser, not a signed-in stranger", async () => {
    useBrowser("browser-of-the-person-signing-up");
    await requestSignUp("mine@example.com");
    await deliverToOutbox(t.db);
    const asker = await listOutbox({ db: t.db, userId: null, keyHash: await currentOutboxKeyHash() });
    expect(asker.map((message) => message.subject)).toEqual(["Finish creating your Common Ground account"]);

    useBrowser("another-browser");
    const stranger = await createUser(t.db, "Stranger");
    const otherKey = await currentOutboxKeyHash();
    expect(await listOutbox({ db: t.db, userId: null, keyHash: otherKey })).toEqual([]);
    expect(await listOutbox({ db: t.db, userId: stranger.id, keyHash: otherKey })).toEqual([]);
  });
});

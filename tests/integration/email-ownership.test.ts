import { beforeEach, describe, expect, it, vi } from "vitest";
import { signUpAction } from "@/app/sign-up/actions";
import { confirmEmailAction, sendVerificationLinkAction } from "@/app/verify-email/actions";
import { IDLE } from "@/lib/actions/form-state";
import { deleteAccount } from "@/lib/data/account";
import { acceptInvite, createInvite, emailInvite, getMyCouple, revokeMyInvites } from "@/lib/data/couples";
import { listOutbox } from "@/lib/data/outbox";
import type { SendEmail } from "@/lib/email/mailer";
import { enqueueEmail } from "@/lib/email/queue";
import { inviteEmail } from "@/lib/email/templates";
import { hashSecret } from "@/lib/email/tokens";
import { sweepReminders } from "@/lib/reminders/sweep";
import { rateLimitKey } from "@/lib/limits/rate-limits";
import { setUpEdgeTestDb } from "../support/edge-test-db";
import { currentOutboxKeyHash, useBrowser } from "../support/fake-outbox-key";
import { signInAs, signOut } from "../support/browser";
import { formData } from "../support/forms";
import { deliverToOutbox, linkSecretIn } from "../support/mail";
import { outcomeOf } from "../support/next-control-flow";
import { createCouples, minutesBefore, NEXT_CHECK_IN, TEST_LINKS } from "../support/reminders";
import { accessFor, cheapPasswordHash, createUser, type TestUser } from "../support/users";

const env = vi.hoisted(() => ({ NODE_ENV: "test" as const, APP_URL: "http://app.test", REMINDER_DISPATCH: "app" as const, SMTP_URL: undefined, HOST: "127.0.0.1" }));
vi.mock("@/lib/env", () => ({ getEnv: () => env }));
vi.mock("@/lib/db/client", () => import("../support/browser"));
vi.mock("next/headers", () => import("../support/browser"));
vi.mock("@/lib/email/outbox-key", () => import("../support/fake-outbox-key"));
vi.mock("@/lib/email/deliver-soon", () => import("../support/fake-deliver-soon"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const t = setUpEdgeTestDb();

let counter = 0;
function address(label: string): string {
  counter += 1;
  return `${label}-${counter}@example.test`;
}

beforeEach(() => {
  signOut();
  useBrowser(null);
});

/** Sam invites an address by email, as the couple page does: returns the emailed link's secret. */
async function sendInvite(inviter: TestUser, to: string): Promise<string> {
  const invite = await emailInvite(accessFor(t.db, inviter), { email: to });
  await enqueueEmail(t.db, { to, ...inviteEmail({ inviterName: inviter.displayName, acceptUrl: `http://app.test/invite/${invite.token}` }), senderId: inviter.id });
  await deliverToOutbox(t.db);
  return invite.token;
}

async function outboxSubjects(viewer: { userId: string | null; keyHash: string | null }): Promise<string[]> {
  return (await listOutbox({ db: t.db, ...viewer })).map((message) => message.subject);
}

const INVITE_SUBJECT = "Sam invited you to Common Ground";

describe("a stranger who signs up with the partner's address (SPEC C12)", () => {
  it("gets no account, cannot read the emailed invite, and cannot accept it even holding the link", async () => {
    const sam = await createUser(t.db, "Sam");
    const partnerAddress = address("partner");
    const partner = await createUser(t.db, "Alex", { email: partnerAddress });
    const token = await sendInvite(sam, partnerAddress);

    useBrowser("strangers-browser");
    const answer = await signUpAction(IDLE, formData({ displayName: "Stranger", email: partnerAddress }));
    expect(answer.status).toBe("ok");
    await deliverToOutbox(t.db);
    expect(await t.db.user.count({ where: { email: partnerAddress } })).toBe(1);
    const strangersBrowser = await currentOutboxKeyHash();
    expect(await outboxSubjects({ userId: null, keyHash: strangersBrowser })).toEqual([]);

    // Signed in with an account of their own, holding a leaked copy of the emailed link.
    const stranger = await createUser(t.db, "Stranger");
    expect(await outboxSubjects({ userId: stranger.id, keyHash: strangersBrowser })).toEqual([]);
    await expect(acceptInvite(accessFor(t.db, stranger), token)).rejects.toThrow(/sent by email to another address/);
    expect(await getMyCouple(accessFor(t.db, sam))).toBeNull();

    expect(await outboxSubjects({ userId: partner.id, keyHash: null })).toContain(INVITE_SUBJECT);
    await acceptInvite(accessFor(t.db, partner), token);
    expect((await getMyCouple(accessFor(t.db, sam)))?.partner?.displayName).toBe("Alex");
  });

  it("while the address has no account, only a link the owner reads can make one: the stranger's browser gets nothing else", async () => {
    const sam = await createUser(t.db, "Sam");
    const partnerAddress = address("unclaimed");
    await sendInvite(sam, partnerAddress);
    useBrowser("strangers-browser");
    await signUpAction(IDLE, formData({ displayName: "Stranger", email: partnerAddress }));
    await deliverToOutbox(t.db);
    // On this one computer the browser that asked reads its own sign-up link, as a mail catcher
    // would show it; the invite sent to the address before is not among what it reads.
    expect(await outboxSubjects({ userId: null, keyHash: await currentOutboxKeyHash() })).toEqual(["Finish creating your Common Ground account"]);
  });
});

describe("an account whose address is not verified (made before sign-up verified addresses)", () => {
  it("cannot read or accept an emailed invite until it verifies the address from a link only it can read", async () => {
    const sam = await createUser(t.db, "Sam");
    const oldAddress = address("older");
    const older = await createUser(t.db, "Kai", { email: oldAddress, verified: false });
    const token = await sendInvite(sam, oldAddress);

    expect(await outboxSubjects({ userId: older.id, keyHash: null })).toEqual([]);
    await expect(acceptInvite(accessFor(t.db, older), token)).rejects.toThrow(/not verified yet/);

    await signInAs(older);
    expect(await sendVerificationLinkAction(IDLE, formData({}))).toMatchObject({ status: "ok" });
    await deliverToOutbox(t.db);
    const someoneElse = await createUser(t.db, "Someone");
    expect(await outboxSubjects({ userId: someoneElse.id, keyHash: null })).toEqual([]);
    expect(await outboxSubjects({ userId: null, keyHash: hashSecret("any-browser") })).toEqual([]);
    expect(await outboxSubjects({ userId: older.id, keyHash: null })).toEqual(["Confirm your email address for Common Ground"]);

    const secret = (await linkSecretIn(t.db, oldAddress, "/verify-email")) as string;
    signOut();
    expect(await confirmEmailAction(IDLE, formData({ token: secret }))).toMatchObject({ status: "ok" });
    expect(await confirmEmailAction(IDLE, formData({ token: secret }))).toMatchObject({ status: "error", message: expect.stringMatching(/already been used/) });

    expect(await outboxSubjects({ userId: older.id, keyHash: null })).toContain(INVITE_SUBJECT);
    await acceptInvite(accessFor(t.db, older), token);
    expect((await getMyCouple(accessFor(t.db, older)))?.partner?.displayName).toBe("Sam");
  });

  it("can still accept a copied invite link, which is for whoever holds it", async () => {
    const sam = await createUser(t.db, "Sam");
    const older = await createUser(t.db, "Kai", { verified: false });
    const copied = await createInvite(accessFor(t.db, sam));
    await acceptInvite(accessFor(t.db, older), copied.token);
    expect((await getMyCouple(accessFor(t.db, sam)))?.partner?.displayName).toBe("Kai");
  });

  it("asks a signed-out visitor to sign in, and tells a verified account it is done; neither sends anything", async () => {
    const before = await t.db.queuedEmail.count();
    expect(await outcomeOf(() => sendVerificationLinkAction(IDLE, formData({})))).toEqual({ kind: "redirect", url: "/sign-in" });
    await signInAs(await createUser(t.db, "Verified"));
    expect(await sendVerificationLinkAction(IDLE, formData({}))).toEqual({ status: "ok", message: "Your address is already verified." });
    expect(await t.db.queuedEmail.count()).toBe(before);
    expect(await confirmEmailAction(IDLE, formData({ token: "made-up" }))).toMatchObject({ status: "error", message: expect.stringMatching(/not valid/) });
  });

  it("gets no reminders; the verified partner does", async () => {
    const [couple] = await createCouples(t.db, 1, { leadMinutes: [60] });
    const [verified, unverified] = couple?.members ?? [];
    await t.db.user.update({ where: { id: unverified?.id }, data: { emailVerifiedAt: null } });
    const sent: string[] = [];
    const send: SendEmail = async (email) => {
      sent.push(email.to);
    };
    await sweepReminders({ now: () => minutesBefore(NEXT_CHECK_IN, 60), db: t.db, send, workerId: "w", links: TEST_LINKS });
    expect(sent).toEqual([verified?.email]);
  });
});

describe("deleting an account", () => {
  it("deletes every row that holds its address, and nobody else's", async () => {
    const sam = await createUser(t.db, "Sam");
    const leavingAddress = address("leaving");
    const leaving = await t.db.user.create({
      data: { email: leavingAddress, displayName: "Leaving", passwordHash: await cheapPasswordHash("the right password"), emailVerifiedAt: new Date() },
    });
    const other = await createUser(t.db, "Other");
    await sendInvite(sam, leavingAddress);
    await revokeMyInvites(accessFor(t.db, sam));
    await sendInvite(sam, other.email);
    await enqueueEmail(t.db, { to: leavingAddress, subject: "Queued", text: "t", html: "h" });
    await t.db.emailToken.create({ data: { purpose: "SIGN_UP", tokenHash: "h1", email: leavingAddress, expiresAt: new Date(Date.now() + 60_000) } });
    await t.db.rateLimit.create({ data: { key: `sign-in-account:${rateLimitKey(leavingAddress)}`, points: 2, expire: new Date(Date.now() + 60_000) } });
    await signInAs(leaving);
    await enqueueEmail(t.db, { to: leavingAddress, subject: "Verify", text: "t", html: "h", senderId: leaving.id, outboxReader: { userId: leaving.id, keyHash: null } });

    await deleteAccount(accessFor(t.db, leaving), "the right password");

    expect(await t.db.outboxMessage.count({ where: { to: leavingAddress } })).toBe(0);
    expect(await t.db.queuedEmail.count({ where: { OR: [{ to: leavingAddress }, { senderId: leaving.id }] } })).toBe(0);
    expect(await t.db.coupleInvite.count({ where: { email: leavingAddress } })).toBe(0);
    expect(await t.db.emailToken.count({ where: { email: leavingAddress } })).toBe(0);
    expect(await t.db.rateLimit.count({ where: { key: `sign-in-account:${rateLimitKey(leavingAddress)}` } })).toBe(0);
    // Someone who signs up with the address next finds nothing meant for the person who left.
    const next = await createUser(t.db, "Next", { email: leavingAddress });
    expect(await outboxSubjects({ userId: next.id, keyHash: null })).toEqual([]);

    expect(await t.db.outboxMessage.count({ where: { to: other.email } })).toBe(1);
    expect(await t.db.coupleInvite.count({ where: { email: other.email } })).toBe(1);
  });
});

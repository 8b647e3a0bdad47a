/**
 * Linking and leaving (issue 11, decision 032): one open invite, copied and emailed alike, and
 * the notices that tell each person what happened to their link. Runs on the embedded database
 * and, with TEST_DATABASE_URL, on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueEmailToken } from "@/lib/auth/email-tokens";
import { verifyEmail } from "@/lib/auth/email-verification";
import { completeSignUp } from "@/lib/auth/sign-up";
import { acceptInvite, createInvite, emailInvite, getMyCouple, getMyOpenInvite, leaveCouple, previewInvite, revokeMyInvites } from "@/lib/data/couples";
import { DomainError } from "@/lib/data/errors";
import { dismissNotice, listMyNotices } from "@/lib/data/notices";
import { createTestDb, type TestDb } from "../support/test-db";
import { accessFor, createUser, type TestUser } from "../support/users";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const as = (user: TestUser) => accessFor(t.db, user);
const address = (who: string) => `${who}-${crypto.randomUUID().slice(0, 8)}@example.test`;
const refusal = (run: Promise<unknown>) => run.then(() => null, (error: unknown) => error);

async function linked(inviterName = "Sam", partnerName = "Alex") {
  const inviter = await createUser(t.db, inviterName);
  const partner = await createUser(t.db, partnerName);
  const invite = await createInvite(as(inviter));
  await acceptInvite(as(partner), invite.token);
  return { inviter, partner };
}

describe("one open invite, copied and emailed alike", () => {
  it("emails the link already on screen: the same invite, still open, now addressed", async () => {
    const sam = await createUser(t.db, "Sam");
    const copied = await createInvite(as(sam));
    const to = address("partner");
    const emailed = await emailInvite(as(sam), { email: to });
    expect(emailed).toMatchObject({ id: copied.id, token: copied.token, email: to });
    expect(await previewInvite(as(sam), copied.token)).toMatchObject({ status: "open", inviterName: "Sam" });
    expect(await getMyOpenInvite(as(sam))).toMatchObject({ id: copied.id, token: copied.token, email: to });
    expect(await t.db.coupleInvite.count({ where: { inviterId: sam.id } })).toBe(1);
  });

  it("lets the copied link be accepted by the account that verified the emailed address", async () => {
    const sam = await createUser(t.db, "Sam");
    const alex = await createUser(t.db, "Alex");
    const copied = await createInvite(as(sam));
    await emailInvite(as(sam), { email: alex.email });
    await acceptInvite(as(alex), copied.token);
    expect((await getMyCouple(as(sam)))?.partner?.displayName).toBe("Alex");
  });

  it("refuses the copied link, once emailed, to anyone else holding it, and to the right address unverified", async () => {
    const sam = await createUser(t.db, "Sam");
    const holder = await createUser(t.db, "Holder");
    const unverified = await createUser(t.db, "Kai", { verified: false });
    const copied = await createInvite(as(sam));
    await emailInvite(as(sam), { email: unverified.email });
    expect(await refusal(acceptInvite(as(holder), copied.token))).toMatchObject({ message: expect.stringMatching(/sent by email to another address/) });
    expect(await refusal(acceptInvite(as(unverified), copied.token))).toMatchObject({ message: expect.stringMatching(/not verified yet/) });
    expect(await getMyCouple(as(sam))).toBeNull();
    expect(await previewInvite(as(sam), copied.token)).toMatchObject({ status: "open" });
  });

  it("does not readdress an invite already sent to someone else, and changes nothing", async () => {
    const sam = await createUser(t.db, "Sam");
    const first = address("first");
    const sent = await emailInvite(as(sam), { email: first });
    const error = await refusal(emailInvite(as(sam), { email: address("second") }));
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).message).toBe(`Your invite was already sent to ${first}. To send it to another address, withdraw it first.`);
    expect(await getMyOpenInvite(as(sam))).toMatchObject({ id: sent.id, email: first });
  });

  it("sends the same invite again to the same address", async () => {
    const sam = await createUser(t.db, "Sam");
    const to = address("again");
    const first = await emailInvite(as(sam), { email: to });
    expect(await emailInvite(as(sam), { email: to })).toEqual(first);
  });

  it("makes a fresh invite on request, and the replaced link stops working", async () => {
    const sam = await createUser(t.db, "Sam");
    const old = await createInvite(as(sam));
    const fresh = await createInvite(as(sam));
    expect(fresh.token).not.toBe(old.token);
    expect(await previewInvite(as(sam), old.token)).toMatchObject({ status: "revoked" });
    expect(await getMyOpenInvite(as(sam))).toMatchObject({ id: fresh.id, token: fresh.token });
  });

  it("keeps the link only sealed, and drops it once the invite is withdrawn or used", async () => {
    const sam = await createUser(t.db, "Sam");
    const invite = await createInvite(as(sam));
    const [stored] = await t.db.$queryRaw<{ token: string }[]>`SELECT "token" FROM "CoupleInvite" WHERE "id" = ${invite.id}`;
    expect(stored?.token).toBeTruthy();
    expect(stored?.token).not.toContain(invite.token);
    await revokeMyInvites(as(sam));
    expect(await t.db.coupleInvite.findUnique({ where: { id: invite.id }, select: { token: true } })).toEqual({ token: null });
    expect(await getMyOpenInvite(as(sam))).toBeNull();
  });
});

describe("notices", () => {
  it("tells the inviter, once, that the partner linked; the partner is told nothing of the kind", async () => {
    const { inviter, partner } = await linked();
    const notices = await listMyNotices(as(inviter));
    expect(notices).toEqual([{ id: expect.any(String), kind: "PARTNER_LINKED", name: "Alex" }]);
    expect(await listMyNotices(as(partner))).toEqual([]);
    await dismissNotice(as(inviter), notices[0]!.id);
    expect(await listMyNotices(as(inviter))).toEqual([]);
  });

  it("tells the partner who stayed, by name, that they are no longer linked; nothing for the leaver, and the linked notice goes", async () => {
    const { inviter, partner } = await linked("Sam", "Alex");
    await leaveCouple(as(partner));
    expect(await listMyNotices(as(inviter))).toEqual([{ id: expect.any(String), kind: "PARTNER_LEFT", name: "Alex" }]);
    expect(await listMyNotices(as(partner))).toEqual([]);
  });

  it("stores a kind and ids only", async () => {
    const { inviter, partner } = await linked();
    await leaveCouple(as(inviter));
    const rows = await t.db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "Notice" WHERE "userId" = ${partner.id}`;
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(["aboutUserId", "createdAt", "dismissedAt", "id", "inviteId", "kind", "userId"]);
  });

  it("lets only the recipient dismiss a notice: the partner, a stranger and a made-up id are not found alike", async () => {
    const { inviter, partner } = await linked();
    const stranger = await createUser(t.db, "Robin");
    const [notice] = await listMyNotices(as(inviter));
    for (const other of [partner, stranger]) {
      expect(await refusal(dismissNotice(as(other), notice!.id))).toMatchObject({ code: "not-found", message: "This notice is not there any more." });
    }
    expect(await refusal(dismissNotice(as(inviter), crypto.randomUUID()))).toMatchObject({ code: "not-found", message: "This notice is not there any more." });
    expect(await listMyNotices(as(inviter))).toHaveLength(1);
    await dismissNotice(as(inviter), notice!.id);
    expect(await refusal(dismissNotice(as(inviter), notice!.id))).toMatchObject({ code: "not-found" });
  });

  it("tells a new account, once its address is proved at sign-up, that an invite waits, with the link to accept", async () => {
    const sam = await createUser(t.db, "Sam");
    const to = address("newcomer");
    const invite = await emailInvite(as(sam), { email: to });
    const secret = await issueEmailToken(t.db, { purpose: "SIGN_UP", email: to, displayName: "Jo", now: new Date() });
    await completeSignUp(t.db, { secret, displayName: "Jo", password: "a long enough password", outboxKeyHash: null });
    const jo = await t.db.user.findUniqueOrThrow({ where: { email: to }, select: { id: true } });
    expect(await listMyNotices(accessFor(t.db, jo))).toEqual([{ id: expect.any(String), kind: "INVITE_WAITING", name: "Sam", invitePath: `/invite/${invite.token}` }]);
  });

  it("waits for an unverified address to be verified, and is gone once the invite is withdrawn", async () => {
    const sam = await createUser(t.db, "Sam");
    const kai = await createUser(t.db, "Kai", { verified: false });
    await emailInvite(as(sam), { email: kai.email });
    expect(await listMyNotices(as(kai))).toEqual([]);
    const secret = await issueEmailToken(t.db, { purpose: "VERIFY_EMAIL", email: kai.email, userId: kai.id, now: new Date() });
    await verifyEmail(t.db, { secret, outboxKeyHash: null });
    expect(await listMyNotices(as(kai))).toMatchObject([{ kind: "INVITE_WAITING", name: "Sam" }]);
    await revokeMyInvites(as(sam));
    expect(await listMyNotices(as(kai))).toEqual([]);
  });

  it("tells an account already verified when an invite is emailed to it, and nobody else; the inviter's answer is the same either way", async () => {
    const sam = await createUser(t.db, "Sam");
    const lee = await createUser(t.db, "Lee");
    const bystander = await createUser(t.db, "Bystander");
    const toAccount = await emailInvite(as(sam), { email: lee.email });
    await revokeMyInvites(as(sam));
    const toNobody = await emailInvite(as(sam), { email: address("nobody") });
    expect(Object.keys(toAccount).sort()).toEqual(Object.keys(toNobody).sort());
    expect(await listMyNotices(as(bystander))).toEqual([]);
    expect(await listMyNotices(as(sam))).toEqual([]);
    // Lee's invite was withdrawn above: the notice never outlives it.
    expect(await listMyNotices(as(lee))).toEqual([]);
    expect(await t.db.notice.count({ where: { userId: lee.id, kind: "INVITE_WAITING" } })).toBe(1);
  });

  it("hides an invite notice once the address changes hands or the person links", async () => {
    const sam = await createUser(t.db, "Sam");
    const lee = await createUser(t.db, "Lee");
    await emailInvite(as(sam), { email: lee.email });
    expect(await listMyNotices(as(lee))).toHaveLength(1);
    await t.db.user.update({ where: { id: lee.id }, data: { email: address("moved") } });
    expect(await listMyNotices(as(lee))).toEqual([]);
  });
});

/**
 * Every rate limit at the layer that enforces it (decision 020): refusals say when to try
 * again (Retry-After on routes, a sentence in forms), change nothing, and one person's use
 * never uses up another's.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as exportGet } from "@/app/api/export/route";
import { POST as unsubscribePost } from "@/app/api/reminders/unsubscribe/[token]/route";
import { forgotPasswordAction } from "@/app/forgot-password/actions";
import { signUpAction } from "@/app/sign-up/actions";
import { sendVerificationLinkAction } from "@/app/verify-email/actions";
import { IDLE } from "@/lib/actions/form-state";
import { hashPassword } from "@/lib/auth/password";
import { deleteAccount } from "@/lib/data/account";
import { shareAsPreviewed } from "../support/share";
import { createInvite, emailInvite, revokeMyInvites } from "@/lib/data/couples";
import { RateLimitedError } from "@/lib/limits/enforce";
import { RATE_LIMITS, consumeRateLimit, purgeExpiredRateLimits } from "@/lib/limits/rate-limits";
import { buildWorld } from "../support/consent-world";
import { setUpEdgeTestDb } from "../support/edge-test-db";
import { setRequestHeaders, signInAs, signOut } from "../support/browser";
import { formData } from "../support/forms";
import { accessFor, createUser } from "../support/users";

vi.mock("@/lib/db/client", () => import("../support/browser"));
vi.mock("next/headers", () => import("../support/browser"));
vi.mock("@/lib/email/outbox-key", () => import("../support/fake-outbox-key"));
vi.mock("@/lib/email/deliver-soon", () => import("../support/fake-deliver-soon"));

const t = setUpEdgeTestDb();

afterEach(() => {
  vi.useRealTimers();
});

function from(address: string) {
  setRequestHeaders({ "x-forwarded-for": address });
}

describe("data export", () => {
  const download = () => exportGet(new Request("http://127.0.0.1:3000/api/export"), {});

  it("refuses past the hourly limit with 429, Retry-After and a sentence, and never counts for anyone else", async () => {
    const [me, other] = [await createUser(t.db, "Exporter"), await createUser(t.db, "Other")];
    await signInAs(me);
    for (let i = 0; i < RATE_LIMITS.export.points; i += 1) expect((await download()).status).toBe(200);

    const refused = await download();
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(await refused.json()).toEqual({ error: expect.stringMatching(/^You can download your data 10 times an hour\. Try again in \d+ minutes\.$/) });

    await signInAs(other);
    expect((await download()).status).toBe(200);
  });

  it("answers a signed-out visitor 401 without counting anything", async () => {
    signOut();
    const before = await t.db.rateLimit.count();
    expect((await download()).status).toBe(401);
    expect(await t.db.rateLimit.count()).toBe(before);
  });
});

describe("unsubscribe", () => {
  const post = (address: string) =>
    unsubscribePost(new Request("http://127.0.0.1:3000/api/reminders/unsubscribe/x", { method: "POST", headers: { "x-forwarded-for": address } }), {
      params: Promise.resolve({ token: "not-a-token" }),
    });

  it("refuses one address past its limit with 429 and Retry-After, while another address is still answered", async () => {
    for (let i = 0; i < RATE_LIMITS.unsubscribe.points; i += 1) expect((await post("203.0.113.50")).status).toBe(404);
    const refused = await post("203.0.113.50");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await post("203.0.113.51")).status).toBe(404);
  });
});

describe("invites", () => {
  it("refuses a 21st invite in a day with a sentence, and creates no invite", async () => {
    const inviter = accessFor(t.db, await createUser(t.db, "Inviter"));
    for (let i = 0; i < RATE_LIMITS.invite.points; i += 1) await createInvite(inviter);
    const before = await t.db.coupleInvite.count({ where: { inviterId: inviter.userId } });

    const refusal = await createInvite(inviter).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RateLimitedError);
    expect((refusal as Error).message).toMatch(/^You have made 20 invites today, the most for one day\. Try again in \d+ hours?\.$/);
    expect(await t.db.coupleInvite.count({ where: { inviterId: inviter.userId } })).toBe(before);
  });

  it("sends one person's invite emails five times a day at most", async () => {
    const inviter = accessFor(t.db, await createUser(t.db, "Emailer"));
    // Each to a new address: the open invite is withdrawn first, as the couple page asks.
    for (let i = 0; i < RATE_LIMITS["invite-email-sender"].points; i += 1) {
      await revokeMyInvites(inviter);
      await emailInvite(inviter, { email: `friend-${i}@example.com` });
    }
    await revokeMyInvites(inviter);
    await expect(emailInvite(inviter, { email: "one-more@example.com" })).rejects.toThrow(/You have sent 5 invite emails today.*Try again in/);
    expect(await t.db.coupleInvite.count({ where: { inviterId: inviter.userId, email: "one-more@example.com" } })).toBe(0);
  });

  it("mails one address three invites a day at most, from anyone, so nobody can flood it in the app's name", async () => {
    const target = "flooded@example.com";
    const senders = await Promise.all(["One", "Two", "Three", "Four"].map(async (name) => accessFor(t.db, await createUser(t.db, name))));
    for (const sender of senders.slice(0, 3)) await emailInvite(sender, { email: target });
    await expect(emailInvite(senders[3]!, { email: target })).rejects.toThrow(/enough invite emails for today.*Try again in/);
    expect(await t.db.coupleInvite.count({ where: { email: target } })).toBe(3);
    // A link to copy still works for that sender.
    await expect(createInvite(senders[3]!)).resolves.toMatchObject({ token: expect.any(String) });
  });
});

describe("sharing", () => {
  it("is refused past 100 shares in a day, with a sentence, and no consent is recorded", async () => {
    const world = await buildWorld(t.db, "draft summary");
    const author = accessFor(t.db, world.author);
    const share = () => shareAsPreviewed(author, { summaryId: world.summaryId!, ownChoice: "yes", aboutMe: "yes", depth: "BRIEF", reflectionNote: null });
    for (let i = 0; i < RATE_LIMITS.share.points; i += 1) await share();
    const consents = await t.db.shareConsent.count({ where: { authorId: author.userId } });

    await t.db.summary.update({ where: { id: world.summaryId! }, data: { body: "New words, which would need a new consent." } });
    await expect(share()).rejects.toThrow(/^You have shared 100 times today, the most for one day\. Try again in \d+ hours?\.$/);
    expect(await t.db.shareConsent.count({ where: { authorId: author.userId } })).toBe(consents);
  });
});

describe("the account-deletion password", () => {
  it("is refused after five attempts in 15 minutes, even when right, and nothing is deleted", async () => {
    const me = accessFor(t.db, await createUser(t.db, "Deleter"));
    await t.db.user.update({ where: { id: me.userId }, data: { passwordHash: await hashPassword("the right password") } });
    for (let i = 0; i < RATE_LIMITS["password-confirm"].points; i += 1) {
      await expect(deleteAccount(me, "a wrong guess")).rejects.toThrow("That password is not right");
    }
    await expect(deleteAccount(me, "the right password")).rejects.toThrow(/^Too many password attempts, so nothing was deleted\. Try again in \d+ minutes\.$/);
    expect(await t.db.user.findUnique({ where: { id: me.userId } })).not.toBeNull();
  });
});

describe("sign-up", () => {
  const signUp = (email: string) => signUpAction(IDLE, formData({ displayName: "Newcomer", email, password: "a long enough password" }));

  it("refuses an address past its hourly limit with a sentence, sending nothing; another address may still sign up", async () => {
    from("198.51.100.60");
    for (let i = 0; i < RATE_LIMITS["sign-up"].points; i += 1) expect((await signUp(`newcomer-${i}@example.com`)).status).toBe("ok");
    const before = await t.db.queuedEmail.count();
    expect(await signUp("one-more@example.com")).toEqual({
      status: "error",
      message: expect.stringMatching(/^Too many sign-ups came from your network just now\. Try again in \d+ minutes\.$/),
      fieldErrors: {},
      values: { displayName: "Newcomer", email: "one-more@example.com" },
    });
    expect(await t.db.queuedEmail.count()).toBe(before);

    from("198.51.100.61");
    expect((await signUp("one-more@example.com")).status).toBe("ok");
  });

  it("sends one address a few sign-up emails a day, whichever networks ask", async () => {
    for (let i = 0; i < RATE_LIMITS["verification-email"].points; i += 1) {
      from(`198.51.100.${70 + i}`);
      expect((await signUp("popular@example.com")).status).toBe("ok");
    }
    const before = await t.db.queuedEmail.count();
    from("198.51.100.99");
    expect(await signUp("popular@example.com")).toMatchObject({ status: "error", message: expect.stringMatching(/^Several emails already went to that address today\. Try again in /) });
    expect(await t.db.queuedEmail.count()).toBe(before);
  });
});

describe("emailed links", () => {
  it("sends one address a few password-reset links an hour, whether or not it has an account, and queues nothing past that", async () => {
    const owner = await createUser(t.db, "Owner");
    for (const address of [owner.email, "nobody-here@example.com"]) {
      from("198.51.100.80");
      for (let i = 0; i < RATE_LIMITS["password-reset-email"].points; i += 1) {
        expect((await forgotPasswordAction(IDLE, formData({ email: address }))).status).toBe("ok");
      }
      const before = await t.db.queuedEmail.count();
      const refused = await forgotPasswordAction(IDLE, formData({ email: address }));
      expect(refused).toMatchObject({ status: "error", message: expect.stringMatching(/^Several links already went to that address in the last hour\. Try again in \d+ minutes\.$/) });
      expect(await t.db.queuedEmail.count()).toBe(before);
    }
  });

  it("sends a signed-in person a few verification links a day, and another person's count is their own", async () => {
    const [me, other] = [await createUser(t.db, "Unverified", { verified: false }), await createUser(t.db, "Other", { verified: false })];
    await signInAs(me);
    for (let i = 0; i < RATE_LIMITS["verification-email"].points; i += 1) {
      expect((await sendVerificationLinkAction(IDLE, formData({}))).status).toBe("ok");
    }
    const before = await t.db.queuedEmail.count();
    expect(await sendVerificationLinkAction(IDLE, formData({}))).toMatchObject({ status: "error", message: expect.stringMatching(/^Several links already went to your address today\. Try again in /) });
    expect(await t.db.queuedEmail.count()).toBe(before);

    await signInAs(other);
    expect((await sendVerificationLinkAction(IDLE, formData({}))).status).toBe("ok");
  });
});

describe("expired counters", () => {
  it("are purged, and counters still in their window are kept", async () => {
    await consumeRateLimit(t.db, "export", "old-counter");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 2 * 3600_000);
    await consumeRateLimit(t.db, "export", "new-counter");

    await purgeExpiredRateLimits(t.db);
    const keys = (await t.db.rateLimit.findMany({ select: { key: true } })).map((row) => row.key);
    expect(keys).toContain("export:new-counter");
    expect(keys).not.toContain("export:old-counter");
    expect(keys.length).toBeGreaterThan(0);
  });

  it("are purged by the limiter itself as it is used, at most every five minutes", async () => {
    await consumeRateLimit(t.db, "export", "short-lived");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 3 * 3600_000);
    await consumeRateLimit(t.db, "export", "later");
    expect(await t.db.rateLimit.findUnique({ where: { key: "export:short-lived" } })).toBeNull();
  });
});

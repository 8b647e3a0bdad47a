import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createInviteAction, emailInviteAction } from "@/app/couple/actions";
import { IDLE } from "@/lib/actions/form-state";
import { acceptInvite, createInvite, getMyCouple, getMyOpenInvite } from "@/lib/data/couples";
import { deliverQueuedEmails } from "@/lib/email/delivery";
import { createOutboxMailer } from "@/lib/email/mailer";
import { deliveryRequests } from "../support/fake-deliver-soon";
import { signInAs, signOut, useTestDb } from "../support/browser";
import { formData } from "../support/forms";
import { outcomeOf } from "../support/next-control-flow";
import { createTestDb, type TestDb } from "../support/test-db";
import { accessFor, createUser, type TestUser } from "../support/users";

vi.mock("@/lib/db/client", () => import("../support/browser"));
vi.mock("next/headers", () => import("../support/browser"));
vi.mock("@/lib/email/deliver-soon", () => import("../support/fake-deliver-soon"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

let t: TestDb;
let inviter: TestUser;
beforeAll(async () => {
  vi.stubEnv("APP_URL", "http://127.0.0.1:3000");
  vi.stubEnv("SMTP_URL", undefined);
  t = await createTestDb();
  useTestDb(t.db);
  inviter = await createUser(t.db, "Sam");
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await t.close();
});
beforeEach(() => signOut());

const outboxFor = (to: string) => t.db.outboxMessage.findMany({ where: { to } });
const deliver = () => deliverQueuedEmails({ db: t.db, send: createOutboxMailer(t.db), now: () => new Date(), workerId: "test" });

describe("inviting a partner by email", () => {
  it("queues one neutral email, delivered after the form answers, holding a link for that address's verified account", async () => {
    await signInAs(inviter);
    const requestsBefore = deliveryRequests.count;
    const state = await emailInviteAction(IDLE, formData({ email: "Partner@Example.TEST" }));
    expect(state).toMatchObject({ status: "ok" });
    // The form only queued it, and asked for a delivery run.
    expect(await outboxFor("partner@example.test")).toEqual([]);
    expect(await t.db.queuedEmail.count({ where: { to: "partner@example.test", senderId: inviter.id } })).toBe(1);
    expect(deliveryRequests.count).toBe(requestsBefore + 1);

    expect(await deliver()).toMatchObject({ sent: 1 });
    expect(await t.db.queuedEmail.count({ where: { to: "partner@example.test" } })).toBe(0);
    const [message, ...others] = await outboxFor("partner@example.test");
    expect(others).toEqual([]);
    expect(message?.subject).toBe("Sam invited you to Common Ground");
    expect(message?.headers).toEqual({});
    expect(`${message?.text} ${message?.html}`).not.toMatch(/therap/i);
    const token = message?.text.match(/\/invite\/([\w-]+)/)?.[1];
    expect(token).toBeDefined();

    const partner = await createUser(t.db, "Alex", { email: "partner@example.test" });
    await acceptInvite(accessFor(t.db, partner), token as string);
    expect((await getMyCouple(accessFor(t.db, inviter)))?.partner?.displayName).toBe("Alex");
  });

  it("refuses a malformed address or the inviter's own, and queues nothing", async () => {
    const lonely = await createUser(t.db, "Robin");
    await signInAs(lonely);
    for (const email of ["not-an-email", "", lonely.email]) {
      const state = await emailInviteAction(IDLE, formData({ email }));
      expect(state.status).toBe("error");
      if (state.status === "error") expect(state.fieldErrors.email?.length).toBeGreaterThan(0);
    }
    expect(await t.db.coupleInvite.count({ where: { inviterId: lonely.id } })).toBe(0);
    expect(await t.db.queuedEmail.count({ where: { senderId: lonely.id } })).toBe(0);
  });

  it("sends a signed-out visitor to sign in, creating and queueing nothing", async () => {
    const before = await t.db.queuedEmail.count();
    expect(await outcomeOf(() => emailInviteAction(IDLE, formData({ email: "someone@example.test" })))).toEqual({
      kind: "redirect",
      url: "/sign-in",
    });
    expect(await t.db.queuedEmail.count()).toBe(before);
  });

  it("refuses someone already linked with a partner", async () => {
    const linked = await createUser(t.db, "Kim");
    const other = await createUser(t.db, "Lee");
    const first = await createInvite(accessFor(t.db, linked));
    await acceptInvite(accessFor(t.db, other), first.token);
    await signInAs(linked);
    const state = await emailInviteAction(IDLE, formData({ email: "third@example.test" }));
    expect(state).toMatchObject({ status: "error", message: "You are already linked with a partner." });
    expect(await t.db.queuedEmail.count({ where: { to: "third@example.test" } })).toBe(0);
  });

  it("emails the link already on the page instead of replacing it, and will not readdress it behind the first address's back", async () => {
    const sam = await createUser(t.db, "Sam");
    await signInAs(sam);
    expect(await createInviteAction(IDLE, formData({}))).toMatchObject({ status: "ok" });
    const copied = await getMyOpenInvite(accessFor(t.db, sam));
    expect(await emailInviteAction(IDLE, formData({ email: "alex@example.test" }))).toMatchObject({ status: "ok" });
    await deliver();
    const [message] = await outboxFor("alex@example.test");
    expect(message?.text).toContain(`/invite/${copied?.token}`);

    const state = await emailInviteAction(IDLE, formData({ email: "someone-else@example.test" }));
    expect(state).toMatchObject({ status: "error", message: expect.stringMatching(/already sent to alex@example\.test.*withdraw it first/), values: { email: "someone-else@example.test" } });
    expect(await t.db.queuedEmail.count({ where: { to: "someone-else@example.test" } })).toBe(0);
    expect(await getMyOpenInvite(accessFor(t.db, sam))).toMatchObject({ token: copied?.token, email: "alex@example.test" });
  });
});

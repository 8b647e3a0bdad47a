import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { emailInviteAction } from "@/app/couple/actions";
import { IDLE } from "@/lib/actions/form-state";
import { getMyCouple, acceptInvite } from "@/lib/data/couples";
import { signInAs, signOut, useTestDb } from "../support/browser";
import { formData } from "../support/forms";
import { outcomeOf } from "../support/next-control-flow";
import { createTestDb, type TestDb } from "../support/test-db";
import { accessFor, createUser, type TestUser } from "../support/users";

vi.mock("next/headers", () => import("../support/browser"));
vi.mock("@/lib/db/client", () => import("../support/browser"));
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

describe("inviting a partner by email", () => {
  it("sends one neutral email holding a link that links the couple", async () => {
    await signInAs(inviter);
    const state = await emailInviteAction(IDLE, formData({ email: "Partner@Example.TEST" }));
    expect(state).toMatchObject({ status: "ok" });

    const [message, ...others] = await outboxFor("partner@example.test");
    expect(others).toEqual([]);
    expect(message?.subject).toBe("Sam invited you to Common Ground");
    expect(`${message?.text} ${message?.html}`).not.toMatch(/therap/i);
    const token = message?.text.match(/\/invite\/([\w-]+)/)?.[1];
    expect(token).toBeDefined();

    const partner = await createUser(t.db, "Alex");
    await acceptInvite(accessFor(t.db, partner), token as string);
    expect((await getMyCouple(accessFor(t.db, inviter)))?.partner?.displayName).toBe("Alex");
  });

  it("refuses a malformed address or the inviter's own, and sends nothing", async () => {
    const lonely = await createUser(t.db, "Robin");
    await signInAs(lonely);
    for (const email of ["not-an-email", "", lonely.email]) {
      const state = await emailInviteAction(IDLE, formData({ email }));
      expect(state.status).toBe("error");
      if (state.status === "error") expect(state.fieldErrors.email?.length).toBeGreaterThan(0);
    }
    expect(await t.db.coupleInvite.count({ where: { inviterId: lonely.id } })).toBe(0);
    expect(await outboxFor(lonely.email)).toEqual([]);
  });

  it("sends a signed-out visitor to sign in, creating and sending nothing", async () => {
    const before = await t.db.outboxMessage.count();
    expect(await outcomeOf(() => emailInviteAction(IDLE, formData({ email: "someone@example.test" })))).toEqual({
      kind: "redirect",
      url: "/sign-in",
    });
    expect(await t.db.outboxMessage.count()).toBe(before);
  });

  it("refuses someone already linked with a partner", async () => {
    const linked = await createUser(t.db, "Kim");
    const other = await createUser(t.db, "Lee");
    const first = await (await import("@/lib/data/couples")).createInvite(accessFor(t.db, linked));
    await acceptInvite(accessFor(t.db, other), first.token);
    await signInAs(linked);
    const state = await emailInviteAction(IDLE, formData({ email: "third@example.test" }));
    expect(state).toMatchObject({ status: "error", message: "You are already linked with a partner." });
    expect(await outboxFor("third@example.test")).toEqual([]);
  });
});

/**
 * The conversation's forms with bad input: each gets a clear message, and nothing changes.
 * (Who may do what is in the access matrix; the rules themselves in conversation-data.test.ts.)
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  acceptGuideAction,
  callPauseAction,
  closeConversationAction,
  moveConversationAction,
  proposeGuideAction,
  saveReflectionAction,
  setForNextSessionAction,
} from "@/app/conversation/actions";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { CONVERSATION_LIMITS } from "@/lib/conversation/limits";
import { acceptInvite, createInvite } from "@/lib/data/couples";
import { startConversation } from "@/lib/data/conversation";
import { signInAs, signOut, useTestDb } from "../support/browser";
import { formData } from "../support/forms";
import { createTestDb, type TestDb } from "../support/test-db";
import { accessFor, createUser, type TestUser } from "../support/users";

vi.mock("next/headers", () => import("../support/browser"));
vi.mock("@/lib/db/client", () => import("../support/browser"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

let t: TestDb;
let sam: TestUser;
let alex: TestUser;
let coupleId: string;
beforeAll(async () => {
  t = await createTestDb();
  useTestDb(t.db);
  sam = await createUser(t.db, "Sam");
  alex = await createUser(t.db, "Alex");
  ({ coupleId } = await acceptInvite(accessFor(t.db, alex), (await createInvite(accessFor(t.db, sam))).token));
  await startConversation(accessFor(t.db, sam));
});
afterAll(() => t.close());
beforeEach(async () => {
  signOut();
  await signInAs(sam);
});

/** Everything the conversation keeps for this couple and these two people. */
async function everythingKept() {
  return Promise.all([
    t.db.conversation.findMany({ where: { coupleId }, orderBy: { id: "asc" } }),
    t.db.conversationGuide.findMany({ where: { coupleId } }),
    t.db.conversationReflection.findMany({ where: { authorId: { in: [sam.id, alex.id] } }, orderBy: { id: "asc" } }),
  ]);
}

async function refused(run: () => Promise<FormState>, message: RegExp) {
  const before = await everythingKept();
  const state = await run();
  expect(state.status).toBe("error");
  const said = state.status === "error" ? [state.message, ...Object.values(state.fieldErrors).flat()].join(" ") : "";
  expect(said).toMatch(message);
  expect(await everythingKept()).toEqual(before);
}

describe("bad input to the conversation's forms", () => {
  it("refuses a place or a direction that is not one", async () => {
    await refused(() => moveConversationAction(IDLE, formData({ from: "opening:0", direction: "sideways" })), /Choose next or previous/);
    await refused(() => moveConversationAction(IDLE, formData({ from: "", direction: "next" })), /Missing place/);
    await refused(() => moveConversationAction(IDLE, formData({ from: "opening:7", direction: "next" })), /moved things on/);
  });

  it("refuses a pause shorter than twenty minutes, or of no length", async () => {
    await refused(() => callPauseAction(IDLE, formData({ minutes: "5" })), /how long the pause lasts/);
    await refused(() => callPauseAction(IDLE, formData({})), /how long the pause lasts/);
  });

  it("refuses an agreed line that is too long, keeping the conversation open", async () => {
    const long = "a".repeat(CONVERSATION_LIMITS.agreedLine + 1);
    await refused(() => closeConversationAction(IDLE, formData({ agreedLine: long })), new RegExp(`under ${CONVERSATION_LIMITS.agreedLine} characters`));
  });

  it("refuses ground rules that are empty, too many or too long, and an acceptance of nothing", async () => {
    await refused(() => proposeGuideAction(IDLE, formData({ rules: " \n ", steps: "" })), /at least one ground rule/);
    const many = Array.from({ length: CONVERSATION_LIMITS.guideLines + 1 }, (_, index) => `Rule ${index}`).join("\n");
    await refused(() => proposeGuideAction(IDLE, formData({ rules: many, steps: "" })), /lines or fewer/);
    await refused(() => proposeGuideAction(IDLE, formData({ rules: "x".repeat(CONVERSATION_LIMITS.guideLine + 1), steps: "" })), /each line under/);
    await refused(() => acceptGuideAction(IDLE, formData({ seenAt: "yesterday" })), /Missing proposal/);
    await refused(() => acceptGuideAction(IDLE, formData({ seenAt: new Date().toISOString() })), /no change waiting/);
  });

  it("refuses an empty reflection, a NUL character, and a list change on no reflection", async () => {
    await refused(() => saveReflectionAction(IDLE, formData({ body: "   " })), /Write your reflection/);
    await refused(() => saveReflectionAction(IDLE, formData({ body: "Before\u0000after" })), /NUL character/);
    await refused(() => saveReflectionAction(IDLE, formData({ body: "x".repeat(CONVERSATION_LIMITS.reflection + 1) })), /under 5,000 characters/);
    await refused(() => setForNextSessionAction(IDLE, formData({ reflectionId: "00000000-0000-4000-8000-000000000000", forNextSession: "maybe" })), /on the list or off it/);
    await refused(() => setForNextSessionAction(IDLE, formData({ reflectionId: "00000000-0000-4000-8000-000000000000", forNextSession: "yes" })), /not yours/);
  });

  it("keeps what was typed when a reflection is refused, and saves a good one", async () => {
    const state = await saveReflectionAction(IDLE, formData({ body: "x".repeat(CONVERSATION_LIMITS.reflection + 1) }));
    expect(state.status === "error" ? state.values.body : null).toHaveLength(CONVERSATION_LIMITS.reflection + 1);
    expect(await saveReflectionAction(IDLE, formData({ body: "Heard.", forNextSession: "on" }))).toMatchObject({ status: "ok" });
    expect(await t.db.conversationReflection.findMany({ where: { authorId: sam.id }, select: { body: true, forNextSession: true } })).toEqual([
      { body: "Heard.", forNextSession: true },
    ]);
  });
});

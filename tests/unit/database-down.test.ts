import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { deleteAccountAction } from "@/app/account/actions";
import { createNoteAction } from "@/app/notes/actions";
import { addTopicAction } from "@/app/plan/actions";
import { signUpAction } from "@/app/sign-up/actions";
import { createSummaryAction } from "@/app/summaries/actions";
import { IDLE, UNAVAILABLE_MESSAGE } from "@/lib/actions/form-state";
import { authOptions, SIGN_IN_UNAVAILABLE } from "@/lib/auth/options";
import type { Db } from "@/lib/db/types";
import { mintSessionToken, setSessionCookie, useTestDb } from "../support/browser";
import { formData } from "../support/forms";
import { unreachableDb } from "../support/unreachable-db";

vi.mock("@/lib/db/client", () => import("../support/browser"));
vi.mock("next/headers", () => import("../support/browser"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

/**
 * The database server is away (nothing listens at its address). Every form answers calmly,
 * with what the person typed (never a password), and the failure is logged, not swallowed.
 */
let down: { db: Db; close: () => Promise<void> };
const loggedErrors = vi.spyOn(console, "error").mockImplementation(() => {});

beforeAll(async () => {
  down = await unreachableDb();
  useTestDb(down.db);
  // A real session token: checking it needs the database, which is away.
  const robin = { id: "00000000-0000-4000-8000-000000000001", email: "robin@example.test", displayName: "Robin" };
  setSessionCookie(await mintSessionToken(robin, "00000000-0000-4000-8000-000000000002"));
});
afterAll(() => down.close());
beforeEach(() => loggedErrors.mockClear());

function loggedDatabaseError(): boolean {
  return loggedErrors.mock.calls.some((call) => call.some((part) => part instanceof Error && /reach database server/i.test(part.message)));
}

describe("forms while the database is down", () => {
  it("a new note comes back with its text and a calm message", async () => {
    const typed = { title: "After Tuesday", body: "What I noticed about the kitchen argument.", workingOn: "Pausing", sessionDate: "2026-11-24" };
    const state = await createNoteAction(IDLE, formData(typed));
    expect(state).toEqual({ status: "error", message: UNAVAILABLE_MESSAGE, fieldErrors: {}, values: typed });
    expect(loggedDatabaseError()).toBe(true);
  });

  it("a new summary comes back with every choice made", async () => {
    const typed = { title: "Feeling unheard", body: "I get quiet.", depth: "BRIEF", framing: "THERAPY_WORK", noteId: "", whyText: "", responseWish: "JUST_LISTEN" };
    const sent = formData(typed);
    sent.append("whyReasons", "FEEL_CLOSER");
    sent.append("whyReasons", "BROACH_A_TOPIC");
    const state = await createSummaryAction(IDLE, sent);
    expect(state).toMatchObject({ status: "error", message: UNAVAILABLE_MESSAGE, values: { ...typed, whyReasons: ["FEEL_CLOSER", "BROACH_A_TOPIC"] } });
  });

  it("a plan topic comes back with its text", async () => {
    const state = await addTopicAction(IDLE, formData({ title: "Holidays", detail: "Whose family first" }));
    expect(state).toMatchObject({ status: "error", message: UNAVAILABLE_MESSAGE, values: { title: "Holidays", detail: "Whose family first" } });
  });

  it("deleting the account never sends the password back", async () => {
    const state = await deleteAccountAction(IDLE, formData({ password: "my secret words", confirm: "delete" }));
    expect(state).toEqual({ status: "error", message: UNAVAILABLE_MESSAGE, fieldErrors: {}, values: { confirm: "delete" } });
  });

  it("sign-up keeps the name and email, not the password", async () => {
    const state = await signUpAction(IDLE, formData({ displayName: "Robin", email: "robin@example.test", password: "a long enough password" }));
    expect(state).toEqual({ status: "error", message: UNAVAILABLE_MESSAGE, fieldErrors: {}, values: { displayName: "Robin", email: "robin@example.test" } });
    expect(loggedDatabaseError()).toBe(true);
  });

  it("sign-in says it is unavailable for a moment, in place of the database's words", async () => {
    const provider = authOptions.providers[0] as unknown as {
      options: { authorize: (credentials: Record<string, string>, request: { headers: Record<string, string> }) => Promise<unknown> };
    };
    const attempt = provider.options.authorize({ email: "robin@example.test", password: "a long enough password" }, { headers: {} });
    await expect(attempt).rejects.toThrow(SIGN_IN_UNAVAILABLE);
    await expect(attempt).rejects.not.toThrow(/database|prisma|127\.0\.0\.1/i);
    expect(loggedDatabaseError()).toBe(true);
  });
});

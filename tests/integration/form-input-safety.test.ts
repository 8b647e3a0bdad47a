/**
 * Small leaks and crashes at the form edge (issue 9, part 6): a NUL character in any text
 * field is a message on that field, never a server failure (PostgreSQL cannot store U+0000),
 * and no answer carries back a field that is not meant to be shown again, a password least of all.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { deleteAccountAction } from "@/app/account/actions";
import { saveScheduleAction } from "@/app/check-ins/actions";
import { acceptInviteAction, emailInviteAction } from "@/app/couple/actions";
import { createNoteAction, deleteNoteAction, updateNoteAction } from "@/app/notes/actions";
import { addTopicAction, moveItemAction, removeItemAction, setConversationTimeAction, setDiscussedAction } from "@/app/plan/actions";
import { addSharedToPlanAction, answerTalkRequestAction, askToTalkAction, replyAction } from "@/app/shared/actions";
import { signUpAction } from "@/app/sign-up/actions";
import { createSummaryAction, deleteSummaryAction, shareSummaryAction, unshareSummaryAction, updateSummaryAction } from "@/app/summaries/actions";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { NUL_IN_TEXT } from "@/lib/validation/fields";
import { buildWorld, footprint, type World } from "../support/consent-world";
import { setUpEdgeTestDb } from "../support/edge-test-db";
import { signInAs } from "../support/browser";
import { formData } from "../support/forms";
import { outcomeOf } from "../support/next-control-flow";
import { postedDepthFor } from "../support/share";
import { accessFor, cheapPasswordHash } from "../support/users";

vi.mock("@/lib/db/client", () => import("../support/browser"));
vi.mock("next/headers", () => import("../support/browser"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const t = setUpEdgeTestDb();

type Action = (previous: FormState, form: FormData) => Promise<FormState>;
type ValidFields = (world: World) => Promise<Record<string, string>> | Record<string, string>;

const NUL = "\u0000";
const note = { title: "A title", body: "A body", workingOn: "Something", sessionDate: "" };
const summary = { title: "A headline", body: "A few lines", depth: "BRIEF", framing: "CONTENT_ONLY", whyText: "Because" };

/** Each form and the text fields it sends, with values that would otherwise be accepted. */
const FORMS: [string, Action, ValidFields, string[]][] = [
  ["createNoteAction", createNoteAction, () => note, ["title", "body", "workingOn"]],
  ["updateNoteAction", updateNoteAction, (world) => ({ ...note, id: world.noteId }), ["id", "title", "body", "workingOn"]],
  ["deleteNoteAction", deleteNoteAction, (world) => ({ id: world.noteId }), ["id"]],
  ["createSummaryAction", createSummaryAction, () => ({ ...summary, noteId: "" }), ["title", "body", "whyText"]],
  ["updateSummaryAction", updateSummaryAction, (world) => ({ ...summary, noteId: "", id: world.summaryId! }), ["id", "title", "body", "whyText"]],
  ["deleteSummaryAction", deleteSummaryAction, (world) => ({ id: world.summaryId! }), ["id"]],
  [
    "shareSummaryAction",
    shareSummaryAction,
    async (world) => ({
      summaryId: world.summaryId!,
      ownChoice: "yes",
      aboutMe: "yes",
      depth: await postedDepthFor(accessFor(t.db, world.author), world.summaryId!, "IN_DEPTH"),
      reflectionNote: "My own choice",
    }),
    ["summaryId", "reflectionNote"],
  ],
  ["unshareSummaryAction", unshareSummaryAction, (world) => ({ summaryId: world.summaryId! }), ["summaryId"]],
  ["addTopicAction", addTopicAction, () => ({ title: "Weekend plans", detail: "Who drives" }), ["title", "detail"]],
  ["setConversationTimeAction", setConversationTimeAction, () => ({ conversationAt: "2031-05-04T19:30", timeZone: "Europe/London" }), ["conversationAt", "timeZone"]],
  ["setDiscussedAction", setDiscussedAction, (world) => ({ itemId: world.planItemId!, discussed: "yes" }), ["itemId"]],
  ["moveItemAction", moveItemAction, (world) => ({ itemId: world.planItemId!, direction: "up" }), ["itemId"]],
  ["removeItemAction", removeItemAction, (world) => ({ itemId: world.planItemId! }), ["itemId"]],
  ["replyAction", replyAction, (world) => ({ consentId: world.consentId!, reply: "THANK_YOU" }), ["consentId"]],
  ["askToTalkAction", askToTalkAction, (world) => ({ consentId: world.consentId! }), ["consentId"]],
  ["answerTalkRequestAction", answerTalkRequestAction, (world) => ({ consentId: world.consentId!, answer: "accept" }), ["consentId"]],
  ["addSharedToPlanAction", addSharedToPlanAction, (world) => ({ consentId: world.consentId! }), ["consentId"]],
  ["saveScheduleAction", saveScheduleAction, () => ({ cadence: "WEEKLY", weekday: "7", localTime: "19:00", timeZone: "Europe/London" }), ["localTime", "timeZone"]],
  ["emailInviteAction", emailInviteAction, () => ({ email: "someone@example.test" }), ["email"]],
  ["acceptInviteAction", acceptInviteAction, () => ({ token: "an-invite-token" }), ["token"]],
  ["deleteAccountAction", deleteAccountAction, () => ({ password: "the right password", confirm: "delete" }), ["password"]],
];

// Every form here is refused and changes nothing, so one couple with a shared item on the plan serves them all.
let world: World;
beforeAll(async () => {
  world = await buildWorld(t.db, "shared summary");
});

describe("a NUL character in a text field", () => {
  describe.each(FORMS)("%s", (_name, action, validFields, textFields) => {
    it.each(textFields)("in %s is a message on that field, and changes nothing", async (field) => {
      const fields = await validFields(world);
      const before = await footprint(t.db, world);
      const users = await t.db.user.count();
      await signInAs(world.author);
      const outcome = await outcomeOf(() => action(IDLE, formData({ ...fields, [field]: `${fields[field]}${NUL}after` })));
      expect(outcome).toMatchObject({ kind: "returned", value: { status: "error", fieldErrors: { [field]: expect.arrayContaining([NUL_IN_TEXT]) } } });
      expect(await footprint(t.db, world)).toEqual(before);
      expect(await t.db.user.count()).toBe(users);
    });
  });

  it.each(["displayName", "email"])("in sign-up's %s is a message on that field, and creates no account", async (field) => {
    const fields: Record<string, string> = { displayName: "Robin", email: "robin-nul@example.test" };
    const users = await t.db.user.count();
    const state = await signUpAction(IDLE, formData({ ...fields, [field]: `${fields[field]}${NUL}` }));
    expect(state).toMatchObject({ status: "error", fieldErrors: { [field]: expect.arrayContaining([NUL_IN_TEXT]) } });
    expect(await t.db.user.count()).toBe(users);
  });
});

describe("what an action's answer carries back", () => {
  const SECRET = "correct horse battery staple SECRET";

  it("deleting the account with a wrong password answers without the password typed", async () => {
    await t.db.user.update({ where: { id: world.author.id }, data: { passwordHash: await cheapPasswordHash("the real password") } });
    await signInAs(world.author);
    const outcome = await outcomeOf(() => deleteAccountAction(IDLE, formData({ password: SECRET, confirm: "delete" })));
    expect(outcome).toMatchObject({ kind: "returned", value: { status: "error", message: "That password is not right, so nothing was deleted." } });
    expect(JSON.stringify(outcome)).not.toContain("SECRET");
    expect(await t.db.user.count({ where: { id: world.author.id } })).toBe(1);
  });

  it("deleting the account without ticking the box answers without the password typed", async () => {
    await signInAs(world.author);
    const outcome = await outcomeOf(() => deleteAccountAction(IDLE, formData({ password: SECRET })));
    expect(outcome).toMatchObject({ kind: "returned", value: { status: "error", fieldErrors: { confirm: [expect.any(String)] } } });
    expect(JSON.stringify(outcome)).not.toContain("SECRET");
  });

  it.each(FORMS)("%s answers an error with none of the fields it does not redisplay", async (_name, action, validFields, textFields) => {
    const fields = await validFields(world);
    await signInAs(world.author);
    // A NUL makes the form fail; a stray field (a password a browser filled in) rides along.
    const [first] = textFields;
    const outcome = await outcomeOf(() => action(IDLE, formData({ ...fields, [first!]: `${fields[first!]}${NUL}`, password: SECRET, stray: SECRET })));
    expect(outcome).toMatchObject({ kind: "returned", value: { status: "error" } });
    expect(JSON.stringify(outcome)).not.toContain("SECRET");
  });

  it("a note that fails to save comes back with its own words, so nothing typed is lost", async () => {
    await signInAs(world.author);
    const outcome = await outcomeOf(() => createNoteAction(IDLE, formData({ ...note, title: "", body: "Keep these words", password: SECRET })));
    expect(outcome).toMatchObject({
      kind: "returned",
      value: { status: "error", values: { title: "", body: "Keep these words", workingOn: "Something", sessionDate: "" } },
    });
    expect(JSON.stringify(outcome)).not.toContain("SECRET");
  });

  it("sign-up never sends the password back", async () => {
    const state = await signUpAction(IDLE, formData({ displayName: "Robin", email: "not-an-email", password: SECRET, passwordConfirmation: SECRET }));
    expect(state).toMatchObject({ status: "error", values: { displayName: "Robin", email: "not-an-email" } });
    expect(JSON.stringify(state)).not.toContain("SECRET");
  });
});

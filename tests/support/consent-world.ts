import { randomBytes } from "node:crypto";
import { askToTalk, unshareSummary } from "@/lib/data/consent";
import { acceptInvite, createInvite, leaveCouple } from "@/lib/data/couples";
import { saveDraft } from "@/lib/data/drafts";
import { createNote } from "@/lib/data/notes";
import { addSharedItemToPlan, addTopics } from "@/lib/data/plan";
import { createSummary, updateSummary } from "@/lib/data/summaries";
import type { Db } from "@/lib/db/types";
import type { SummaryInput } from "@/lib/validation/summary";
import { accessFor, createUser, type TestUser } from "./users";
import { shareAsPreviewed } from "./share";

/**
 * A couple (author and partner), a stranger in a couple of their own (so couple-scoped checks
 * are tested against someone who has a couple, not only against someone who has none), and
 * one of the author's items in a given state, built through the real data layer. The author
 * also has an autosaved draft of an edit to the note, never saved. Every piece of the author's private text
 * carries a unique marker, so a test can list exactly which secrets an output contains.
 */
export const ITEM_STATES = [
  "private note",
  "draft summary",
  "shared summary",
  "withdrawn summary",
  "edited after sharing",
  "after leaving the couple",
] as const;
export type ItemState = (typeof ITEM_STATES)[number];

/** The states in which the partner may read the item: its consent stands. */
export const ACTIVE_STATES: readonly ItemState[] = ["shared summary", "edited after sharing"];
export const isActive = (state: ItemState) => ACTIVE_STATES.includes(state);

export const SIGNED_IN_ACTORS = ["author", "partner", "stranger"] as const;
export const ACTORS = [...SIGNED_IN_ACTORS, "signed-out"] as const;
export type SignedInActor = (typeof SIGNED_IN_ACTORS)[number];
export type Actor = (typeof ACTORS)[number];

export const SECRET_NAMES = [
  "noteTitle",
  "noteBody",
  "noteWorkingOn",
  "noteId",
  "summaryId",
  "privateLabel",
  "draftTitle",
  "draftBody",
  "editedTitle",
  "editedBody",
  "reflectionNote",
  "draftWords",
] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

/** What the partner is allowed to read of a shared summary: its snapshot (the draft's words when shared). */
export const SNAPSHOT: readonly SecretName[] = ["draftTitle", "draftBody"];
export const WHOLE_NOTE: readonly SecretName[] = ["noteTitle", "noteBody", "noteWorkingOn", "noteId"];

export type World = {
  state: ItemState;
  author: TestUser;
  partner: TestUser;
  stranger: TestUser;
  coupleId: string;
  /** The stranger's own couple, with someone the test never acts as. */
  strangerCoupleId: string;
  noteId: string;
  /** Null where the state has no such thing yet. */
  summaryId: string | null;
  consentId: string | null;
  /** The shared item's place on the plan; in the withdrawn states, the id it had before it left. */
  planItemId: string | null;
  /** The marker text of each secret that exists in this world (absent: not created in this state). */
  secrets: Partial<Record<SecretName, string>>;
  /** The draft as first written, for tests that resubmit it. */
  draft: SummaryInput;
};

/**
 * sharedOnPlan: the author puts the shared item on the plan (the default). talkRequested: the
 * item stays off the plan and the partner asks to talk about it (C11).
 */
export type WorldOptions = { sharedOnPlan?: boolean; talkRequested?: boolean };

export async function buildWorld(db: Db, state: ItemState, options: WorldOptions = {}): Promise<World> {
  const tag = randomBytes(5).toString("hex");
  const author = await createUser(db, "Sam");
  const partner = await createUser(db, "Alex");
  const stranger = await createUser(db, "Robin");
  const asAuthor = accessFor(db, author);
  const asPartner = accessFor(db, partner);
  const invite = await createInvite(asAuthor);
  const { coupleId } = await acceptInvite(asPartner, invite.token);
  const strangersInvite = await createInvite(accessFor(db, stranger));
  const { coupleId: strangerCoupleId } = await acceptInvite(accessFor(db, await createUser(db, "Kim")), strangersInvite.token);
  // A topic of the partner's own, so the plan is never empty and moving an item means something.
  await addTopics(asPartner, [{ title: "Weekend plans", detail: null }]);

  const note = await createNote(asAuthor, {
    title: `Session notes NOTETITLE${tag}`,
    body: `What came up NOTEBODY${tag}`,
    workingOn: `WORKINGON${tag}`,
    sessionDate: new Date("2031-07-19T00:00:00.000Z"),
  });
  // Half-way through editing the note: the form's autosave kept it, and the author never pressed Save.
  await saveDraft(asAuthor, { kind: "note", id: note.id }, {
    form: "note",
    fields: { title: `Session notes NOTETITLE${tag}`, body: `What came up NOTEBODY${tag} and then DRAFTWORDS${tag}`, workingOn: `WORKINGON${tag}`, sessionDate: "2031-07-19" },
  });
  const world: World = {
    state,
    author,
    partner,
    stranger,
    coupleId,
    strangerCoupleId,
    noteId: note.id,
    summaryId: null,
    consentId: null,
    planItemId: null,
    secrets: {
      noteTitle: `NOTETITLE${tag}`,
      noteBody: `NOTEBODY${tag}`,
      noteWorkingOn: `WORKINGON${tag}`,
      noteId: note.id,
      draftWords: `DRAFTWORDS${tag}`,
    },
    draft: {
      privateLabel: `not ready yet PRIVATELABEL${tag}`,
      title: `I go quiet when tired DRAFTTITLE${tag}`,
      body: `I noticed that I withdraw when I am exhausted DRAFTBODY${tag}`,
      depth: "BRIEF",
      framing: "THERAPY_WORK",
      whyReasons: ["FEEL_CLOSER"],
      whyText: null,
      responseWish: "JUST_LISTEN",
      noteId: note.id,
    },
  };
  if (state === "private note") return world;

  const { id: summaryId } = await createSummary(asAuthor, world.draft);
  world.summaryId = summaryId;
  Object.assign(world.secrets, { summaryId, privateLabel: `PRIVATELABEL${tag}`, draftTitle: `DRAFTTITLE${tag}`, draftBody: `DRAFTBODY${tag}` });
  if (state === "draft summary") return world;

  const { consentId } = await shareAsPreviewed(asAuthor, {
    summaryId,
    ownChoice: "yes",
    aboutMe: "yes",
    depth: "BRIEF",
    reflectionNote: `My own choice REFLECTION${tag}`,
  });
  world.consentId = consentId;
  world.secrets.reflectionNote = `REFLECTION${tag}`;
  if (options.talkRequested) await askToTalk(asPartner, consentId);
  else if (options.sharedOnPlan ?? true) {
    await addSharedItemToPlan(asAuthor, consentId);
    world.planItemId = (await db.planItem.findUniqueOrThrow({ where: { consentId }, select: { id: true } })).id;
  }

  if (state === "withdrawn summary") await unshareSummary(asAuthor, summaryId);
  if (state === "edited after sharing") {
    await updateSummary(asAuthor, summaryId, {
      ...world.draft,
      title: `I go quiet when tired EDITEDTITLE${tag}`,
      body: `Rewritten privately EDITEDBODY${tag}`,
    });
    Object.assign(world.secrets, { editedTitle: `EDITEDTITLE${tag}`, editedBody: `EDITEDBODY${tag}` });
  }
  // The partner leaves: the author's consent ends with the couple even though the author did nothing.
  if (state === "after leaving the couple") await leaveCouple(asPartner);
  return world;
}

/** The names of the world's secrets that occur in the text, in SECRET_NAMES order. */
export function secretsIn(world: World, text: string): SecretName[] {
  return SECRET_NAMES.filter((name) => {
    const secret = world.secrets[name];
    return secret !== undefined && text.includes(secret);
  });
}

/** The secrets a world in this state holds (what buildWorld creates for it). */
export function secretsOf(state: ItemState): SecretName[] {
  const names: SecretName[] = [...WHOLE_NOTE, "draftWords"];
  if (state !== "private note") names.push("summaryId", "privateLabel", ...SNAPSHOT);
  if (state !== "private note" && state !== "draft summary") names.push("reflectionNote");
  if (state === "edited after sharing") names.push("editedTitle", "editedBody");
  return SECRET_NAMES.filter((name) => names.includes(name));
}

/** The given names, reduced to the secrets that exist in this state, in SECRET_NAMES order. */
export function existingSecrets(state: ItemState, names: readonly SecretName[]): SecretName[] {
  const existing = secretsOf(state);
  return SECRET_NAMES.filter((name) => names.includes(name) && existing.includes(name));
}

/**
 * Every row that belongs to the world's three people or their couple: equal before and after
 * a refused write proves the write changed nothing.
 */
export async function footprint(db: Db, world: World) {
  const users = [world.author.id, world.partner.id, world.stranger.id];
  const coupleIds = [world.coupleId, world.strangerCoupleId];
  const byId = { orderBy: { id: "asc" as const } };
  const [notes, summaries, consents, planItems, couples, members, invites, drafts] = await Promise.all([
    db.note.findMany({ where: { authorId: { in: users } }, ...byId }),
    db.summary.findMany({ where: { authorId: { in: users } }, ...byId }),
    db.shareConsent.findMany({ where: { OR: [{ authorId: { in: users } }, { coupleId: { in: coupleIds } }] }, ...byId }),
    db.planItem.findMany({ where: { OR: [{ coupleId: { in: coupleIds } }, { addedById: { in: users } }] }, ...byId }),
    db.couple.findMany({ where: { OR: [{ id: { in: coupleIds } }, { members: { some: { userId: { in: users } } } }] }, ...byId }),
    db.coupleMember.findMany({ where: { OR: [{ userId: { in: users } }, { coupleId: { in: coupleIds } }] }, orderBy: { userId: "asc" } }),
    db.coupleInvite.findMany({ where: { inviterId: { in: users } }, ...byId }),
    db.draft.findMany({ where: { authorId: { in: users } }, ...byId }),
  ]);
  return { notes, summaries, consents, planItems, couples, members, invites, drafts };
}

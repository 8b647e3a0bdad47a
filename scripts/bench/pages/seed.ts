import { randomUUID } from "node:crypto";
import { snapshotOf } from "../../../lib/consent/snapshot.ts";
import type { Db } from "../../../lib/db/types.ts";
import { CAPS } from "../../../lib/limits/caps.ts";

/**
 * One couple with every list full: the signed-in partner ("Sam") has 200 notes and 200
 * summaries; 200 items are shared into the couple (100 by each partner); the plan holds 200
 * items (its cap: 100 topics and 100 of the shared items), and the other 100 shared items wait
 * in "Shared items not on the plan". Written through the encrypting client, as the app writes.
 */
export const ITEMS_PER_LIST = 200;

export type BenchUser = { id: string; email: string; displayName: string };

const sentence = (index: number, words: string) => `${words} (${index + 1}).`;
const paragraph = (index: number) =>
  [
    sentence(index, "When we talk about plans for the weekend I notice I tense up before anything is said"),
    "Today we looked at where that comes from, and at what I would like to try instead next time.",
    "I want to say what I feel before I decide what it means, and to ask for a pause when I need one.",
  ].join(" ");

export async function seedFullLists(db: Db): Promise<{ user: BenchUser; partner: BenchUser }> {
  if (CAPS.planItems < ITEMS_PER_LIST) throw new Error(`The plan holds at most ${CAPS.planItems} items, fewer than ${ITEMS_PER_LIST}.`);
  const [user, partner] = [
    { id: randomUUID(), email: `bench-sam-${randomUUID().slice(0, 8)}@example.test`, displayName: "Sam" },
    { id: randomUUID(), email: `bench-alex-${randomUUID().slice(0, 8)}@example.test`, displayName: "Alex" },
  ] as [BenchUser, BenchUser];
  await db.user.createMany({
    data: [user, partner].map((person) => ({ ...person, passwordHash: "not-a-password-hash", emailVerifiedAt: new Date() })),
  });
  const coupleId = randomUUID();
  await db.couple.create({ data: { id: coupleId } });
  await db.coupleMember.createMany({ data: [user, partner].map((person) => ({ userId: person.id, coupleId })) });

  const notes = Array.from({ length: ITEMS_PER_LIST }, (_, index) => ({
    id: randomUUID(),
    authorId: user.id,
    title: sentence(index, "What came up about the weekend plans"),
    body: paragraph(index),
    workingOn: index % 2 ? "Saying what I feel before deciding what it means" : null,
    sessionDate: index % 3 ? new Date(Date.UTC(2026, 0, 1 + index)) : null,
  }));
  await db.note.createMany({ data: notes });

  const summaryOf = (authorId: string, index: number) => ({
    id: randomUUID(),
    authorId,
    noteId: authorId === user.id && index % 2 ? (notes[index]?.id ?? null) : null,
    title: sentence(index, "Why I tense up when we plan the weekend"),
    body: paragraph(index),
    depth: "BRIEF" as const,
    framing: index % 2 ? ("THERAPY_WORK" as const) : ("CONTENT_ONLY" as const),
    whyReasons: index % 2 ? (["FEEL_CLOSER"] as const) : ([] as const),
    whyText: index % 4 ? null : "I would like you to know where this comes from.",
    responseWish: index % 3 ? ("JUST_LISTEN" as const) : null,
  });
  const mine = Array.from({ length: ITEMS_PER_LIST }, (_, index) => summaryOf(user.id, index));
  const theirs = Array.from({ length: ITEMS_PER_LIST / 2 }, (_, index) => summaryOf(partner.id, index));
  await db.summary.createMany({ data: [...mine, ...theirs].map((summary) => ({ ...summary, whyReasons: [...summary.whyReasons] })) });

  // Half of Sam's summaries and all of Alex's are shared: 200 shared items, 100 by each.
  const shared = [...mine.slice(0, ITEMS_PER_LIST / 2), ...theirs].map((summary, index) => ({
    id: randomUUID(),
    ...snapshotOf({ ...summary, whyReasons: [...summary.whyReasons] }, summary.depth),
    historyTitle: summary.title,
    editedSinceShared: false,
    authorId: summary.authorId,
    summaryId: summary.id,
    activeSummaryId: summary.id,
    coupleId,
    grantedAt: new Date(Date.UTC(2026, 5, 1, 0, index)),
    reflectedOwnChoice: true,
    reflectedAboutMe: true,
    reply: index % 2 ? ("THANK_YOU" as const) : null,
    repliedAt: index % 2 ? new Date() : null,
  }));
  await db.shareConsent.createMany({ data: shared });

  // The plan: 100 topics (half by each partner) and 100 shared items (half from each), interleaved.
  const onPlan = [...shared.slice(0, ITEMS_PER_LIST / 4), ...shared.slice(ITEMS_PER_LIST / 2, (ITEMS_PER_LIST * 3) / 4)];
  await db.planItem.createMany({
    data: Array.from({ length: ITEMS_PER_LIST }, (_, index) => {
      const base = { coupleId, position: index, discussedAt: index % 5 ? null : new Date() };
      const consent = index % 2 ? onPlan[(index - 1) / 2] : undefined;
      if (consent) return { ...base, addedById: consent.authorId, consentId: consent.id };
      return {
        ...base,
        addedById: index % 4 ? user.id : partner.id,
        topicTitle: sentence(index, "How we split the chores"),
        topicDetail: index % 3 ? "Who does what on weekdays, and what we each find hardest to ask for." : null,
      };
    }),
  });
  return { user, partner };
}

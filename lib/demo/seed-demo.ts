import { registerUser } from "@/lib/auth/accounts";
import { snapshotDigest, snapshotOf } from "@/lib/consent/snapshot";
import { CHECK_IN_TOPICS } from "@/lib/content/guidance";
import type { Access } from "@/lib/data/access";
import { saveCheckInSchedule } from "@/lib/data/check-ins";
import { shareSummary } from "@/lib/data/consent";
import { acceptInvite, createInvite } from "@/lib/data/couples";
import { createNote } from "@/lib/data/notes";
import { closeConversation, markCurrentDiscussed, saveReflection, startConversation } from "@/lib/data/conversation";
import { addTopics, getPlan } from "@/lib/data/plan";
import { createSummary } from "@/lib/data/summaries";
import { setMyTimeZone } from "@/lib/data/time-zone";
import type { Db } from "@/lib/db/types";
import type { SummaryInput } from "@/lib/validation/summary";
import { DEMO_PARTNERS, DEMO_PASSWORD } from "./demo-accounts";

/** Sam's private space: two notes, one summary shared and one kept as a private draft, labelled for Sam alone. */
async function seedSam(sam: Access): Promise<void> {
  const shutdown = await createNote(sam, {
    title: "Noticing the shutdown",
    body: "When a conversation heats up I go quiet and leave the room. Today we traced it back to how arguments went at home growing up. I want to try naming it out loud instead: \"I'm flooded, I need ten minutes.\"",
    workingOn: "Staying present when things get tense",
    sessionDate: new Date("2026-11-18T00:00:00.000Z"),
  });
  await createNote(sam, {
    title: "Work stress, not us",
    body: "Realised a lot of my irritability lately is the deadline at work, and I have been bringing it home.",
    workingOn: null,
    sessionDate: null,
  });
  const sharedDraft: SummaryInput = {
    noteId: shutdown.id,
    title: "Why I go quiet in arguments",
    body: "When I go quiet in an argument it isn't that I don't care. I get overwhelmed and need a short break. I'm practising saying so out loud, and coming back after ten minutes.",
    depth: "BRIEF",
    framing: "THERAPY_WORK",
    whyReasons: ["FEEL_CLOSER", "BROACH_A_TOPIC"],
    whyText: null,
    responseWish: "JUST_LISTEN",
  };
  const shared = await createSummary(sam, sharedDraft);
  await createSummary(sam, {
    noteId: null,
    privateLabel: "not ready yet",
    title: "Something about my family",
    body: "A draft I may share one day, or never.",
    depth: "HEADLINE",
    framing: "CONTENT_ONLY",
    whyReasons: [],
    whyText: null,
    responseWish: null,
  });
  await shareSummary(sam, {
    summaryId: shared.id,
    ownChoice: "yes",
    aboutMe: "yes",
    depth: "BRIEF",
    // Sam shares what the share step previews for this draft at this depth.
    previewDigest: snapshotDigest(snapshotOf(sharedDraft, "BRIEF")),
    // Sam would like to talk about it: sharing puts it on the agenda (C11).
    intent: "LETS_TALK",
    reflectionNote: null,
  });
}

const MINUTE = 60_000;

/**
 * Last week's conversation, closed, so that "Conversations we've had" and the reflections are
 * not empty in the demo: one topic discussed, what they agreed, and Sam's private reflection,
 * kept for Sam's next session. Run before this week's agenda exists, so it takes none of it.
 */
async function seedLastWeeksConversation(sam: Access, alex: Access, now: Date): Promise<void> {
  const startedAt = new Date(now.getTime() - 7 * 24 * 60 * MINUTE);
  await addTopics(alex, [{ title: "Who has the car on Saturdays", detail: null }]);
  const [topic] = (await getPlan(alex)).items;
  if (!topic) throw new Error("The demo's topic for last week's conversation is not on the plan.");
  const { id } = await startConversation(alex, startedAt);
  await markCurrentDiscussed(alex, topic.id, new Date(startedAt.getTime() + 20 * MINUTE));
  const closedAt = new Date(startedAt.getTime() + 40 * MINUTE);
  await closeConversation(alex, "Sam takes the car on Saturdays; Alex books a lift the week before if needed.", closedAt);
  await saveReflection(
    sam,
    {
      body: "I stayed in the room when it got tense about the car. Naming that I was flooded helped. Worth telling my therapist.",
      forNextSession: true,
      conversationId: id,
    },
    new Date(closedAt.getTime() + 30 * MINUTE),
  );
}

/**
 * Creates the demo couple (Sam and Alex, linked, with notes, one shared summary, last week's
 * conversation and a planned check-in). Touches nothing that exists: if either account is
 * already there, nothing at all is created.
 */
export async function seedDemo(db: Db, now = new Date()): Promise<{ created: string[] }> {
  const existing = await db.user.count({ where: { email: { in: DEMO_PARTNERS.map((partner) => partner.email) } } });
  if (existing > 0) return { created: [] };
  const [sam, alex] = await Promise.all(DEMO_PARTNERS.map((partner) => registerUser(db, { ...partner, password: DEMO_PASSWORD, emailVerifiedAt: new Date() })));
  if (!sam?.ok || !alex?.ok) return { created: [] };
  const samAccess = { db, userId: sam.user.id };
  const alexAccess = { db, userId: alex.user.id };
  const invite = await createInvite(samAccess);
  await acceptInvite(alexAccess, invite.token);
  await seedLastWeeksConversation(samAccess, alexAccess, now);
  await seedSam(samAccess);
  await addTopics(alexAccess, [
    ...CHECK_IN_TOPICS.map((topic) => ({ title: topic.label, detail: topic.hint })),
    { title: "Visiting my parents at the holidays", detail: "How long, and where we stay." },
  ]);
  await saveCheckInSchedule(alexAccess, { cadence: "WEEKLY", weekday: 7, localTime: "19:00", timeZone: "Europe/London" });
  // Both read times in London, where their check-in is: the plan says "For your check-in on Sunday …,
  // 19:00, Europe/London", and a visitor's browser never writes its own zone into the shared demo.
  await Promise.all([samAccess, alexAccess].map((access) => setMyTimeZone(access, "Europe/London")));
  return { created: DEMO_PARTNERS.map((partner) => partner.email) };
}

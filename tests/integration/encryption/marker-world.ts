import { registerUser } from "@/lib/auth/accounts";
import { requestSignUp } from "@/lib/auth/sign-up";
import type { Access } from "@/lib/data/access";
import { acceptGuide, closeConversation, markCurrentDiscussed, proposeGuide, saveReflection, startConversation } from "@/lib/data/conversation";
import { acceptInvite, emailInvite } from "@/lib/data/couples";
import { saveDraft } from "@/lib/data/drafts";
import { createNote, updateNote } from "@/lib/data/notes";
import { addSharedItemToPlan, addTopics, getPlan } from "@/lib/data/plan";
import { createSummary, updateSummary } from "@/lib/data/summaries";
import type { Db } from "@/lib/db/types";
import { accountLinks } from "@/lib/email/account-links";
import { createOutboxMailer } from "@/lib/email/mailer";
import { inviteEmail } from "@/lib/email/templates";
import { shareAsPreviewed } from "../../support/share";

/**
 * A couple who wrote a marker into every place a person can write: their names, notes
 * (created and edited), summaries (created and edited), autosaved drafts of both, a share with
 * its reflection, plan topics, a closed conversation (a topic it covered and what was agreed),
 * the couple's ground rules (agreed, and a change proposed), a private reflection, an emailed
 * invite kept in the outbox, and a sign-up still waiting for its link. Each
 * written through the data layer the forms call.
 */
export type MarkerWorld = { author: Access; partner: Access; noteId: string; summaryId: string; consentId: string };

export async function writeMarkersEverywhere(db: Db, marker: string): Promise<MarkerWorld> {
  const unique = crypto.randomUUID().slice(0, 8);
  const register = async (who: string) => {
    const result = await registerUser(db, { email: `${who}-${unique}@example.test`, displayName: `${who} ${marker}`, password: "a long enough password", emailVerifiedAt: new Date() });
    if (!result.ok) throw new Error("registration failed");
    return { db, userId: result.user.id };
  };
  const author = await register("author");
  const partner = await register("partner");
  const invite = await emailInvite(author, { email: `partner-${unique}@example.test` });
  await createOutboxMailer(db)({ to: `partner-${unique}@example.test`, ...inviteEmail({ inviterName: `author ${marker}`, acceptUrl: `http://127.0.0.1/invite/${marker}` }) });
  await acceptInvite(partner, invite.token);
  const links = accountLinks("http://127.0.0.1");
  await requestSignUp(db, { email: `pending-${unique}@example.test`, displayName: `pending ${marker}`, callbackPath: null, links, outboxKeyHash: null });

  const note = await createNote(author, { title: `note title ${marker}`, body: `note body ${marker}`, workingOn: `working on ${marker}`, sessionDate: null });
  await updateNote(author, note.id, { title: `edited note title ${marker}`, body: `edited note body ${marker}`, workingOn: `edited working on ${marker}`, sessionDate: null });
  const draft = {
    noteId: note.id,
    privateLabel: `private label ${marker}`,
    title: `summary title ${marker}`,
    body: `summary body ${marker}`,
    depth: "IN_DEPTH" as const,
    framing: "THERAPY_WORK" as const,
    whyReasons: ["FEEL_CLOSER" as const],
    whyText: `why ${marker}`,
    responseWish: "JUST_LISTEN" as const,
  };
  const summary = await createSummary(author, draft);
  await updateSummary(author, summary.id, { ...draft, privateLabel: `edited private label ${marker}`, title: `edited summary title ${marker}`, body: `edited summary body ${marker}`, whyText: `edited why ${marker}` });
  const { consentId } = await shareAsPreviewed(author, {
    summaryId: summary.id,
    ownChoice: "yes",
    aboutMe: "yes",
    depth: "IN_DEPTH",
    reflectionNote: `reflection ${marker}`,
  });
  await saveDraft(author, { kind: "note", id: note.id }, {
    form: "note",
    fields: { title: `draft note title ${marker}`, body: `draft note body ${marker}`, workingOn: `draft working on ${marker}`, sessionDate: "" },
  });
  await saveDraft(author, { kind: "new-summary", noteId: null }, {
    form: "summary",
    fields: { privateLabel: `draft label ${marker}`, title: `draft summary title ${marker}`, body: `draft summary body ${marker}`, depth: "BRIEF", framing: "", whyReasons: [], whyText: `draft why ${marker}`, responseWish: "" },
  });
  await addSharedItemToPlan(author, consentId);
  await addTopics(partner, [{ title: `history topic ${marker}`, detail: null }]);
  await startConversation(partner);
  const talkedAbout = (await getPlan(partner)).items.find((item) => item.title === `history topic ${marker}`);
  await markCurrentDiscussed(partner, talkedAbout?.id ?? "");
  const { id: conversationId } = await closeConversation(partner, `agreed ${marker}`);
  const agreedAt = new Date("2031-07-20T19:00:00.000Z");
  await proposeGuide(author, { steps: [`step ${marker}`], rules: [`rule ${marker}`] }, agreedAt);
  await acceptGuide(partner, agreedAt);
  await proposeGuide(partner, { steps: [`proposed step ${marker}`], rules: [`proposed rule ${marker}`] });
  await saveReflection(author, { body: `reflection after talking ${marker}`, forNextSession: true, conversationId });
  await addTopics(partner, [{ title: `topic ${marker}`, detail: `topic detail ${marker}` }]);
  await outbox(db, `partner-${unique}@example.test`, marker);
  return { author, partner, noteId: note.id, summaryId: summary.id, consentId };
}

async function outbox(db: Db, to: string, marker: string) {
  await createOutboxMailer(db)({ to, subject: `subject ${marker}`, text: `text ${marker}`, html: `<p>html ${marker}</p>` });
}

/** Every row of every table of the app's schema, as JSON text. */
export async function everyRow(db: Db): Promise<string[]> {
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
  const rows: string[] = [];
  for (const { table_name: table } of tables) {
    const found = await db.$queryRawUnsafe<{ row: string }[]>(`SELECT row_to_json(t)::text AS "row" FROM "${table}" t`);
    rows.push(...found.map(({ row }) => `${table} ${row}`));
  }
  return rows;
}

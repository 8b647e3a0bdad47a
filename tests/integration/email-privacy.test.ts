/**
 * No email carries private or shared content (issue 4, consent rules C3 and C5): with a note
 * and an actively shared summary holding a unique secret, every kind of email the app sends
 * is read back from a real SMTP server, and neither the secret nor the note's title is in it.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSmtpMailer, type SmtpMailer } from "@/lib/email/mailer";
import { inviteEmail } from "@/lib/email/templates";
import { sweepReminders } from "@/lib/reminders/sweep";
import { createCouples, minutesBefore, NEXT_CHECK_IN, TEST_LINKS, type TestCouple } from "../support/reminders";
import { startSmtpListener, type SmtpListener } from "../support/smtp-listener";
import { createTestDb, type TestDb } from "../support/test-db";

const SECRET = `secret-${randomBytes(8).toString("hex")}`;
const NOTE_TITLE = `Note title ${randomBytes(6).toString("hex")}`;

let t: TestDb;
let smtp: SmtpListener;
let mailer: SmtpMailer;
let couple: TestCouple;

beforeAll(async () => {
  t = await createTestDb();
  smtp = await startSmtpListener();
  mailer = createSmtpMailer({ url: smtp.url, from: "Common Ground <hello@app.test>", messageIdDomain: "app.test" });
  [couple] = (await createCouples(t.db, 1, { leadMinutes: [1440, 60, 15] })) as [TestCouple];
  const [author] = couple.members;
  const note = await t.db.note.create({
    data: { authorId: author!.id, title: NOTE_TITLE, body: `Session notes: ${SECRET}`, workingOn: SECRET },
  });
  const summary = await t.db.summary.create({
    data: {
      authorId: author!.id,
      noteId: note.id,
      title: `Shared ${SECRET}`,
      body: `What I want to share: ${SECRET}`,
      depth: "BRIEF",
      framing: "THERAPY_WORK",
      whyText: SECRET,
    },
  });
  await t.db.shareConsent.create({
    data: {
      authorId: author!.id,
      summaryId: summary.id,
      activeSummaryId: summary.id,
      coupleId: couple.coupleId,
      sharedTitle: `Shared ${SECRET}`,
      historyTitle: `Shared ${SECRET}`,
      sharedBody: `What I want to share: ${SECRET}`,
      sharedDepth: "BRIEF",
      sharedFraming: "THERAPY_WORK",
      sharedWhyText: SECRET,
      reflectedOwnChoice: true,
      reflectedAboutMe: true,
      reflectionNote: SECRET,
    },
  });
});
afterAll(async () => {
  mailer.close();
  await smtp.stop();
  await t.close();
});

describe("every email the app sends", () => {
  it("carries no note, summary or shared text, no note title, and does not mention therapy", async () => {
    for (const lead of [1440, 60, 15]) {
      await sweepReminders({ now: () => minutesBefore(NEXT_CHECK_IN, lead), db: t.db, send: mailer.send, workerId: "privacy", links: TEST_LINKS });
    }
    const author = await t.db.user.findUniqueOrThrow({ where: { id: couple.members[0]!.id } });
    await mailer.send({
      to: "invitee@example.test",
      ...inviteEmail({ inviterName: author.displayName, acceptUrl: "http://app.test/invite/token-abc" }),
    });

    // Three reminders to each partner, and the invite.
    expect(smtp.raw).toHaveLength(7);
    expect(smtp.messages.filter((message) => message.subject?.startsWith("Reminder:"))).toHaveLength(6);
    for (const [index, raw] of smtp.raw.entries()) {
      const parsed = smtp.messages[index]!;
      const readable = [raw, parsed.subject, parsed.text, parsed.html, ...parsed.attachments.map((file) => file.content.toString("utf8"))].join("\n");
      expect(readable).not.toContain(SECRET);
      expect(readable).not.toContain(NOTE_TITLE);
      expect(readable.toLowerCase()).not.toMatch(/therap/);
    }
  });

  it("an invite names only the inviter and the link, and a name cannot break the subject line or the HTML", () => {
    const email = inviteEmail({ inviterName: 'Sam <b>"x"</b>\r\nBcc: someone@example.test', acceptUrl: "http://app.test/invite/t" });
    expect(email.subject).toBe('Sam <b>"x"</b> Bcc: someone@example.test invited you to Common Ground');
    expect(email.html).not.toContain("<b>");
    expect(email.html).toContain("Sam &lt;b&gt;&quot;x&quot;&lt;/b&gt;");
    expect(email.text).toContain("http://app.test/invite/t");
  });
});

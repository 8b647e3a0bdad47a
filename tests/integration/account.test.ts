import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { deleteAccount } from "@/lib/data/account";
import { listSharedItems } from "@/lib/data/consent";
import { getMyCouple } from "@/lib/data/couples";
import { createSummary } from "@/lib/data/summaries";
import { createCoupleAndStranger } from "../support/fixtures";
import { createTestDb, type TestDb } from "../support/test-db";
import { shareAsPreviewed } from "../support/share";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

async function withPassword(userId: string, password: string) {
  await t.db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(password) } });
}


describe("deleting an account", () => {
  it("needs the right password, and a wrong one deletes nothing", async () => {
    const { author } = await createCoupleAndStranger(t.db);
    await withPassword(author.userId, "the right password");
    await expect(deleteAccount(author, "a wrong password")).rejects.toThrow("nothing was deleted");
    expect(await t.db.user.findUnique({ where: { id: author.userId } })).not.toBeNull();
  });

  it("leaves the couple first, so the partner no longer sees anything it shared", async () => {
    const { author, partner } = await createCoupleAndStranger(t.db);
    await withPassword(author.userId, "the right password");
    const { id } = await createSummary(author, {
      title: "Shared before deleting",
      body: "Words the partner could read.",
      depth: "BRIEF",
      framing: "CONTENT_ONLY",
      whyReasons: [],
      whyText: null,
      responseWish: null,
      noteId: null,
    });
    await shareAsPreviewed(author, { summaryId: id, ownChoice: "yes", aboutMe: "yes", depth: "BRIEF", reflectionNote: null });
    expect(await listSharedItems(partner)).toHaveLength(1);

    await deleteAccount(author, "the right password");

    expect(await t.db.user.findUnique({ where: { id: author.userId } })).toBeNull();
    expect(await listSharedItems(partner)).toEqual([]);
    expect(await getMyCouple(partner)).toBeNull();
    expect(await t.db.summary.count({ where: { authorId: author.userId } })).toBe(0);
  });
});

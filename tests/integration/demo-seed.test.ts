import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/accounts";
import { DEMO_PARTNERS, DEMO_PASSWORD, seedDemo } from "@/lib/demo/seed-demo";
import { createTestDb, type TestDb } from "../support/test-db";
import { createUser } from "../support/users";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const demoEmails = DEMO_PARTNERS.map((partner) => partner.email);

describe("the demo seed", () => {
  it("creates the two demo accounts, which sign in with the published password, and leaves other users alone", async () => {
    const bystander = await createUser(t.db, "Bystander");
    await t.db.note.create({ data: { authorId: bystander.id, title: "Bystander's note", body: "" } });
    const bystanderBefore = await t.db.user.findUniqueOrThrow({ where: { id: bystander.id }, include: { notes: true } });

    expect((await seedDemo(t.db)).created.sort()).toEqual([...demoEmails].sort());

    for (const partner of DEMO_PARTNERS) {
      const result = await authenticate(t.db, { email: partner.email, password: DEMO_PASSWORD });
      expect(result).toMatchObject({ ok: true, user: { email: partner.email, displayName: partner.displayName } });
    }
    expect(await t.db.user.findUniqueOrThrow({ where: { id: bystander.id }, include: { notes: true } })).toEqual(bystanderBefore);
  });

  it("run again, creates nothing and leaves the existing accounts exactly as they are", async () => {
    const [first] = DEMO_PARTNERS;
    await t.db.user.update({ where: { email: first.email }, data: { displayName: "Renamed by the user" } });
    const usersBefore = await t.db.user.findMany({ orderBy: { id: "asc" } });
    const notesBefore = await t.db.note.findMany({ orderBy: { id: "asc" } });

    expect(await seedDemo(t.db)).toEqual({ created: [] });

    expect(await t.db.user.findMany({ orderBy: { id: "asc" } })).toEqual(usersBefore);
    expect(await t.db.note.findMany({ orderBy: { id: "asc" } })).toEqual(notesBefore);
    expect(await t.db.user.findUniqueOrThrow({ where: { email: first.email } })).toMatchObject({ displayName: "Renamed by the user" });
  });
});

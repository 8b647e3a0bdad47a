/**
 * Concurrency: requests that race on one summary or one invite always leave one consistent
 * state, and every loser gets a clear refusal rather than a server error. They run on
 * PostgreSQL only, where the requests truly interleave (a pool of connections); on PGlite
 * they would queue (tests/support/races.ts).
 */
import { afterAll, beforeAll, describe, expect } from "vitest";
import { askToTalk, listSharedItems, unshareSummary } from "@/lib/data/consent";
import { acceptInvite, createInvite, previewInvite } from "@/lib/data/couples";
import { DomainError } from "@/lib/data/errors";
import { addSharedItemToPlan, getPlan } from "@/lib/data/plan";
import { deleteSummary } from "@/lib/data/summaries";
import type { UnboundReflection } from "../support/share";
import { buildWorld, type World } from "../support/consent-world";
import { raceTest } from "../support/races";
import { createTestDb, type TestDb } from "../support/test-db";
import { accessFor, createUser } from "../support/users";
import { shareAsPreviewed } from "../support/share";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const ROUNDS = 20;
// Twenty rounds of racing requests plus the checks after each: generous, for a loaded machine.
const RACE_TIMEOUT_MS = 120_000;

/** Every settled request either succeeded or was refused with a DomainError: never a raw database error. */
function expectOnlyDomainRefusals(results: PromiseSettledResult<unknown>[]) {
  for (const result of results) {
    if (result.status === "rejected") expect(result.reason, String(result.reason)).toBeInstanceOf(DomainError);
  }
}

async function expectConsistent(world: World) {
  const summaryId = world.summaryId!;
  const consents = await t.db.shareConsent.findMany({
    where: { summaryId },
    select: { id: true, withdrawnAt: true, withdrawalCause: true, activeSummaryId: true, coupleId: true, talkRequest: true },
  });
  const active = consents.filter((consent) => consent.withdrawnAt === null);
  expect(active.length).toBeLessThanOrEqual(1);
  for (const consent of consents) {
    if (consent.withdrawnAt === null) expect(consent).toMatchObject({ activeSummaryId: summaryId, withdrawalCause: null, coupleId: world.coupleId });
    // A withdrawn item takes its request to talk with it (C11), even one that raced the withdrawal.
    else expect(consent).toMatchObject({ activeSummaryId: null, withdrawalCause: expect.any(String), talkRequest: null });
  }
  // No plan item may point at a withdrawn consent, even an invisible one.
  const planned = await t.db.planItem.findMany({
    where: { consentId: { in: consents.map((consent) => consent.id) } },
    select: { coupleId: true, consent: { select: { withdrawnAt: true } } },
  });
  for (const item of planned) expect(item).toEqual({ coupleId: world.coupleId, consent: { withdrawnAt: null } });
  expect(planned.length).toBeLessThanOrEqual(active.length);
  // And what the partner sees agrees with the rows.
  const seen = await listSharedItems(accessFor(t.db, world.partner));
  expect(seen.map((item) => item.consentId)).toEqual(active.map((consent) => consent.id));
  const plan = await getPlan(accessFor(t.db, world.partner));
  const sharedOnPlan = plan.items.filter((item) => item.kind === "shared");
  expect(sharedOnPlan.length).toBe(planned.length);
}

describe("one summary shared, unshared and planned at the same moment", () => {
  const reflection = (summaryId: string, depth: UnboundReflection["depth"]): UnboundReflection => ({
    summaryId,
    ownChoice: "yes",
    aboutMe: "yes",
    depth,
    reflectionNote: null,
  });

  raceTest(`share and unshare raced ${ROUNDS} times leave at most one active consent, and the plan in step with it`, async () => {
    const world = await buildWorld(t.db, "shared summary");
    const author = accessFor(t.db, world.author);
    for (let round = 0; round < ROUNDS; round += 1) {
      const results = await Promise.allSettled([
        shareAsPreviewed(author, reflection(world.summaryId!, round % 2 ? "BRIEF" : "HEADLINE")),
        unshareSummary(author, world.summaryId!),
      ]);
      expectOnlyDomainRefusals(results);
      await expectConsistent(world);
    }
  }, RACE_TIMEOUT_MS);

  raceTest(`the partner asking to talk about the item while the author adds it to the plan and unshares or reshares it, ${ROUNDS} times, never leaves a withdrawn item on the plan`, async () => {
    const world = await buildWorld(t.db, "shared summary", { sharedOnPlan: false });
    const author = accessFor(t.db, world.author);
    const partner = accessFor(t.db, world.partner);
    for (let round = 0; round < ROUNDS; round += 1) {
      // Start each round shared and off the plan.
      const { consentId } = await shareAsPreviewed(author, reflection(world.summaryId!, "BRIEF"));
      await t.db.planItem.deleteMany({ where: { consentId } });
      const results = await Promise.allSettled([
        askToTalk(partner, consentId),
        round % 2 ? unshareSummary(author, world.summaryId!) : shareAsPreviewed(author, reflection(world.summaryId!, "HEADLINE")),
        addSharedItemToPlan(author, consentId),
      ]);
      expectOnlyDomainRefusals(results);
      await expectConsistent(world);
    }
  }, RACE_TIMEOUT_MS);
});

describe("one summary shared and deleted at the same moment", () => {
  raceTest(`share and delete raced ${ROUNDS} times never leave a shared item whose summary is gone`, async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const world = await buildWorld(t.db, round % 2 ? "draft summary" : "edited after sharing");
      const author = accessFor(t.db, world.author);
      const share = { summaryId: world.summaryId!, ownChoice: "yes" as const, aboutMe: "yes" as const, depth: "BRIEF" as const, reflectionNote: null };
      const results = await Promise.allSettled([shareAsPreviewed(author, share), deleteSummary(author, world.summaryId!)]);
      expectOnlyDomainRefusals(results);
      expect(await t.db.summary.count({ where: { id: world.summaryId! } })).toBe(0);
      expect(await t.db.shareConsent.count({ where: { authorId: world.author.id, withdrawnAt: null } })).toBe(0);
      expect(await listSharedItems(accessFor(t.db, world.partner))).toEqual([]);
      expect(await t.db.planItem.count({ where: { coupleId: world.coupleId, consentId: { not: null } } })).toBe(0);
    }
  }, RACE_TIMEOUT_MS);
});

describe("invites accepted at the same moment", () => {
  raceTest(`two people accepting one invite at once: exactly one couple forms (${ROUNDS / 2} rounds)`, async () => {
    for (let round = 0; round < ROUNDS / 2; round += 1) {
      const inviter = await createUser(t.db, "Inviter");
      const [first, second] = [await createUser(t.db, "First"), await createUser(t.db, "Second")];
      const invite = await createInvite(accessFor(t.db, inviter));
      const results = await Promise.allSettled([
        acceptInvite(accessFor(t.db, first), invite.token),
        acceptInvite(accessFor(t.db, second), invite.token),
      ]);
      expectOnlyDomainRefusals(results);
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      const members = await t.db.coupleMember.findMany({ where: { userId: { in: [inviter.id, first.id, second.id] } } });
      expect(members).toHaveLength(2);
      expect(new Set(members.map((member) => member.coupleId)).size).toBe(1);
      expect(members.map((member) => member.userId)).toContain(inviter.id);
    }
  }, RACE_TIMEOUT_MS);

  raceTest(`one person accepting two invites at once: exactly one couple forms, and the other invite stays open (${ROUNDS / 2} rounds)`, async () => {
    for (let round = 0; round < ROUNDS / 2; round += 1) {
      const [one, other, invitee] = [await createUser(t.db, "One"), await createUser(t.db, "Other"), await createUser(t.db, "Invitee")];
      const invites = [await createInvite(accessFor(t.db, one)), await createInvite(accessFor(t.db, other))];
      const results = await Promise.allSettled(invites.map((invite) => acceptInvite(accessFor(t.db, invitee), invite.token)));
      expectOnlyDomainRefusals(results);
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      expect(await t.db.coupleMember.count({ where: { userId: { in: [one.id, other.id, invitee.id] } } })).toBe(2);
      const statuses = await Promise.all(invites.map((invite) => previewInvite({ db: t.db }, invite.token)));
      expect(statuses.map((status) => status.status).sort()).toEqual(["open", "used"]);
    }
  }, RACE_TIMEOUT_MS);

  raceTest(`two people accepting each other's invites at once: exactly one couple forms (${ROUNDS / 2} rounds)`, async () => {
    for (let round = 0; round < ROUNDS / 2; round += 1) {
      const [a, b] = [await createUser(t.db, "A"), await createUser(t.db, "B")];
      const [fromA, fromB] = [await createInvite(accessFor(t.db, a)), await createInvite(accessFor(t.db, b))];
      const results = await Promise.allSettled([
        acceptInvite(accessFor(t.db, b), fromA.token),
        acceptInvite(accessFor(t.db, a), fromB.token),
      ]);
      expectOnlyDomainRefusals(results);
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      const members = await t.db.coupleMember.findMany({ where: { userId: { in: [a.id, b.id] } } });
      expect(members).toHaveLength(2);
      expect(members[0]?.coupleId).toBe(members[1]?.coupleId);
    }
  }, RACE_TIMEOUT_MS);
});

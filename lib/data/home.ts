import "server-only";
import type { TherapyRole } from "@/lib/generated/prisma/client";
import { heldSnapshot } from "@/lib/consent/snapshot";
import type { Access } from "./access";
import { planItemsVisibleIn } from "./agenda-room";
import { getMyCheckIn, nextConversation, readingZone } from "./check-ins";
import { sharedInto } from "./consent";
import type { MyCouple } from "./couples";
import { listMyNotices, type MyNotice } from "./notices";
import { getMyTherapyRole } from "./therapy-role";

/** How many titles the home page names in a sentence; it counts the rest ("and 12 more"). */
const HOME_TITLES = 3;

/** Shared items of one kind: how many there are, and the newest few by title. */
export type SharedTitles = { total: number; newest: { consentId: string; title: string }[] };

export type MyHome = {
  role: TherapyRole | null;
  notices: MyNotice[];
  /** Null when not linked with a partner. */
  couple: {
    partnerName: string;
    /** The next conversation (a check-in, or a one-off set on the plan), in the reader's zone. */
    nextCheckIn: { at: Date; timeZone: string; oneOff: boolean; now: Date } | null;
    /** Items on the joint plan not yet talked about. */
    agendaCount: number;
    /** What the partner shared (their explicit act) and this person has not replied to yet. */
    newFromPartner: SharedTitles;
    /** This person's own shared items their partner asked to talk about, waiting for an answer. */
    talkRequests: SharedTitles;
  } | null;
};

/**
 * The items the shared view shows (active consents in this couple, sharedInto) that match
 * `which`: counted, and the newest few read by title alone, so a home page with a couple's
 * hundreds of items reads and decrypts no more than it names.
 */
async function sharedTitles(access: Access, couple: Pick<MyCouple, "id">, which: { authorId: string | { not: string }; reply?: null; talkRequest?: "ASKED" }): Promise<SharedTitles> {
  const where = { ...sharedInto(couple), ...which };
  const [total, newest] = await Promise.all([
    access.db.shareConsent.count({ where }),
    access.db.shareConsent.findMany({ where, orderBy: [{ grantedAt: "desc" }, { id: "asc" }], take: HOME_TITLES, select: { id: true, sharedTitle: true } }),
  ]);
  return { total, newest: newest.map(heldSnapshot).map((consent) => ({ consentId: consent.id, title: consent.sharedTitle })) };
}

/**
 * The home page. Its counts and titles are read under the same rules as the sections it points
 * to (the shared view's sharedInto, the plan's planItemsVisibleIn), so it shows nothing they do not.
 */
export async function getMyHome(access: Access, now = new Date()): Promise<MyHome> {
  const [role, notices, checkIn] = await Promise.all([getMyTherapyRole(access), listMyNotices(access, now), getMyCheckIn(access, now)]);
  if (!checkIn) return { role, notices, couple: null };
  const couple = { id: checkIn.coupleId };
  const [agendaCount, newFromPartner, talkRequests] = await Promise.all([
    access.db.planItem.count({ where: { ...planItemsVisibleIn(couple), discussedAt: null } }),
    // The partner's items are every item in the couple not written by this person.
    sharedTitles(access, couple, { authorId: { not: access.userId }, reply: null }),
    sharedTitles(access, couple, { authorId: access.userId, talkRequest: "ASKED" }),
  ]);
  const next = nextConversation(checkIn, now);
  return {
    role,
    notices,
    couple: {
      partnerName: checkIn.partnerName ?? "Your partner",
      nextCheckIn: next ? { at: next.at, timeZone: readingZone(checkIn), oneOff: next.plannedAt === null, now } : null,
      agendaCount,
      newFromPartner,
      talkRequests,
    },
  };
}

import "server-only";
import type { TherapyRole } from "@/lib/generated/prisma/client";
import type { Access } from "./access";
import { getMyCheckIn, nextConversation, readingZone } from "./check-ins";
import { listSharedItems } from "./consent";
import { listMyNotices, type MyNotice } from "./notices";
import { getPlan } from "./plan";
import { getMyTherapyRole } from "./therapy-role";

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
    newFromPartner: { consentId: string; title: string }[];
    /** This person's own shared items their partner asked to talk about, waiting for an answer. */
    talkRequests: { consentId: string; title: string }[];
  } | null;
};

/** The home page: read through the same functions as the sections it points to, so it shows nothing they do not. */
export async function getMyHome(access: Access, now = new Date()): Promise<MyHome> {
  const [role, notices, checkIn, shared] = await Promise.all([getMyTherapyRole(access), listMyNotices(access, now), getMyCheckIn(access, now), listSharedItems(access)]);
  if (!checkIn) return { role, notices, couple: null };
  const plan = await getPlan(access);
  const next = nextConversation(checkIn, now);
  return {
    role,
    notices,
    couple: {
      partnerName: checkIn.partnerName ?? "Your partner",
      nextCheckIn: next ? { at: next.at, timeZone: readingZone(checkIn), oneOff: next.plannedAt === null, now } : null,
      agendaCount: plan.items.filter((item) => !item.discussed).length,
      newFromPartner: shared.filter((item) => !item.byMe && !item.reply).map((item) => ({ consentId: item.consentId, title: item.title })),
      talkRequests: shared.filter((item) => item.byMe && item.talk === "ASKED").map((item) => ({ consentId: item.consentId, title: item.title })),
    },
  };
}

import "server-only";
import { occurrencesAfter } from "@/lib/check-ins/occurrences";
import type { TherapyRole } from "@/lib/generated/prisma/client";
import type { Access } from "./access";
import { getMyCheckIn } from "./check-ins";
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
    nextCheckIn: { at: Date; timeZone: string } | null;
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
  const [role, notices, checkIn, shared] = await Promise.all([getMyTherapyRole(access), listMyNotices(access, now), getMyCheckIn(access), listSharedItems(access)]);
  if (!checkIn) return { role, notices, couple: null };
  const plan = await getPlan(access);
  const next = checkIn.schedule ? occurrencesAfter(checkIn.schedule, now, 1)[0] : undefined;
  return {
    role,
    notices,
    couple: {
      partnerName: checkIn.partnerName ?? "Your partner",
      nextCheckIn: next && checkIn.schedule ? { at: next, timeZone: checkIn.schedule.timeZone } : null,
      agendaCount: plan.items.filter((item) => !item.discussed).length,
      newFromPartner: shared.filter((item) => !item.byMe && !item.reply).map((item) => ({ consentId: item.consentId, title: item.title })),
      talkRequests: shared.filter((item) => item.byMe && item.talk === "ASKED").map((item) => ({ consentId: item.consentId, title: item.title })),
    },
  };
}

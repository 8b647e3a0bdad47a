import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { cache } from "react";
import { enforceRateLimit } from "@/lib/limits/enforce";
import { RATE_LIMITS, rateLimitKey } from "@/lib/limits/rate-limits";
import type { Db } from "@/lib/db/types";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Access } from "./access";
import { DomainError, notFound } from "./errors";
import { noticeInvitesWaitingFor, notifyAboutPartner } from "./notices";
import { isUniqueViolation } from "./transactions";
import { withdrawal } from "./withdrawal";

export const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export type MyCouple = { id: string; partner: { id: string; displayName: string } | null; conversationAt: Date | null };

/**
 * The acting user's current couple, with their partner's name: all a partner ever learns of the
 * other's account. Read once per page render (React's cache): a page and the data it loads
 * both ask for it. Outside a render (server actions, scripts, tests) every call reads afresh.
 */
export function getMyCouple(access: Access): Promise<MyCouple | null> {
  return myCoupleIn(access.db, access.userId);
}

const myCoupleIn = cache(async (db: Db, userId: string): Promise<MyCouple | null> => {
  const membership = await db.coupleMember.findUnique({
    where: { userId },
    select: {
      couple: {
        select: {
          id: true,
          endedAt: true,
          conversationAt: true,
          members: { select: { user: { select: { id: true, displayName: true } } } },
        },
      },
    },
  });
  const couple = membership?.couple;
  if (!couple || couple.endedAt) return null;
  const partner = couple.members.map((member) => member.user).find((user) => user.id !== userId) ?? null;
  return { id: couple.id, partner, conversationAt: couple.conversationAt };
});

export async function requireMyCouple(access: Access): Promise<MyCouple> {
  const couple = await getMyCouple(access);
  if (!couple) throw new DomainError("conflict", "You are not linked with a partner. Invite your partner first.");
  return couple;
}

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * The acting user's one open invite (decision 032): the link shown on their page and the link
 * an email carries are the same invite. Its token is looked up by hash and kept only sealed
 * under the inviter's key. Invites and invite emails are limited per day (decision 020), so
 * nobody can mail an address again and again in the app's name.
 */
export type OpenInvite = { id: string; token: string; expiresAt: Date; email: string | null };

const OPEN_INVITE_SELECT = { id: true, token: true, expiresAt: true, email: true } as const;

async function refuseIfLinked(access: Access): Promise<void> {
  if (await getMyCouple(access)) throw new DomainError("conflict", "You are already linked with a partner.");
}

function enforceInviteLimit(access: Access) {
  return enforceRateLimit(access.db, "invite", rateLimitKey(access.userId), `You have made ${RATE_LIMITS.invite.points} invites today, the most for one day.`);
}

async function enforceInviteEmailLimits(access: Access, email: string) {
  await enforceRateLimit(
    access.db,
    "invite-email-sender",
    rateLimitKey(access.userId),
    `You have sent ${RATE_LIMITS["invite-email-sender"].points} invite emails today, the most for one day. You can still copy the link and send it yourself.`,
  );
  await enforceRateLimit(
    access.db,
    "invite-email-recipient",
    rateLimitKey(email),
    "That address has been sent enough invite emails for today. You can still copy the link and send it yourself.",
  );
}

const withdrawOpenInvites = (tx: Prisma.TransactionClient, inviterId: string, now: Date) =>
  tx.coupleInvite.updateMany({ where: { inviterId, acceptedAt: null, revokedAt: null }, data: { revokedAt: now, token: null } });

async function insertInvite(tx: Prisma.TransactionClient, inviterId: string, email: string | null, now: Date): Promise<OpenInvite> {
  const token = randomBytes(32).toString("base64url");
  const invite = await tx.coupleInvite.create({
    data: { inviterId, tokenHash: hashToken(token), token, email, createdAt: now, expiresAt: new Date(now.getTime() + INVITE_LIFETIME_MS) },
    select: { id: true, expiresAt: true, email: true },
  });
  return { ...invite, token };
}

/**
 * A new single-use invite link, replacing any open one (whose link stops working): for an
 * inviter who wants a fresh link, say because the old one went to the wrong place.
 */
export async function createInvite(access: Access, options: { now?: Date } = {}): Promise<OpenInvite> {
  const now = options.now ?? new Date();
  await refuseIfLinked(access);
  await enforceInviteLimit(access);
  return access.db.$transaction(async (tx) => {
    await withdrawOpenInvites(tx, access.userId, now);
    return insertInvite(tx, access.userId, null, now);
  });
}

/**
 * Sends the open invite to an address: the link already on screen, if there is one, now also
 * travels by email and keeps working; otherwise a new invite is made. Once addressed, only the
 * account that verified the address may accept it, however the link reached them (SPEC C12).
 * An invite already sent to another address is not readdressed behind that person's back: the
 * inviter withdraws it first.
 */
export async function emailInvite(access: Access, options: { email: string; now?: Date }): Promise<OpenInvite> {
  const now = options.now ?? new Date();
  const { email } = options;
  await refuseIfLinked(access);
  const open = await getMyOpenInvite(access, now);
  if (open?.email && open.email !== email) {
    throw new DomainError("conflict", `Your invite was already sent to ${open.email}. To send it to another address, withdraw it first.`);
  }
  await enforceInviteEmailLimits(access, email);
  if (!open) await enforceInviteLimit(access);
  return access.db.$transaction(async (tx) => {
    const invite = open
      ? await tx.coupleInvite
          .update({ where: { id: open.id }, data: { email }, select: { id: true, expiresAt: true, email: true } })
          .then((addressed) => ({ ...addressed, token: open.token }))
      : await (async () => {
          await withdrawOpenInvites(tx, access.userId, now);
          return insertInvite(tx, access.userId, email, now);
        })();
    await noticeInvitesWaitingFor(tx, email, now);
    return invite;
  });
}

/** The acting user's open invite with its link, if any. An invite from before decision 032 kept no link and is not shown. */
export async function getMyOpenInvite(access: Access, now = new Date()): Promise<OpenInvite | null> {
  const invite = await access.db.coupleInvite.findFirst({
    where: { inviterId: access.userId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: OPEN_INVITE_SELECT,
  });
  return invite?.token ? { ...invite, token: invite.token } : null;
}

export async function revokeMyInvites(access: Access, now = new Date()): Promise<number> {
  const { count } = await withdrawOpenInvites(access.db, access.userId, now);
  return count;
}

export type InviteStatus = "open" | "expired" | "used" | "revoked" | "unknown";

const INVITE_PROBLEMS: Record<Exclude<InviteStatus, "open">, string> = {
  unknown: "This invite link is not valid. Ask your partner for a new one.",
  expired: "This invite link has expired. Ask your partner for a new one.",
  used: "This invite link has already been used.",
  revoked: "This invite link was withdrawn. Ask your partner for a new one.",
};

function statusOf(invite: { expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null } | null, now: Date): InviteStatus {
  if (!invite) return "unknown";
  if (invite.acceptedAt) return "used";
  if (invite.revokedAt) return "revoked";
  if (invite.expiresAt <= now) return "expired";
  return "open";
}

/** What the holder of an invite link may learn before accepting: who invited them, and whether it still works. */
export async function previewInvite(access: Pick<Access, "db">, token: string, now = new Date()) {
  const invite = await access.db.coupleInvite.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { expiresAt: true, acceptedAt: true, revokedAt: true, inviter: { select: { displayName: true } } },
  });
  const status = statusOf(invite, now);
  return {
    status,
    inviterName: status === "open" ? (invite?.inviter.displayName ?? null) : null,
    problem: status === "open" ? null : INVITE_PROBLEMS[status],
  };
}

/**
 * An invite sent by email is for whoever reads that address: only an account that has verified
 * it may accept (SPEC C12). A link made to copy is for whoever holds it.
 */
async function requireVerifiedAddress(tx: Prisma.TransactionClient, userId: string, address: string): Promise<void> {
  const me = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, emailVerifiedAt: true } });
  if (me.email !== address) {
    throw new DomainError("invalid", "This invite was sent by email to another address. Accept it from the account that uses that address, or ask your partner for an invite link to copy.");
  }
  if (!me.emailVerifiedAt) {
    throw new DomainError("invalid", "This invite was sent to your email address, which is not verified yet. Verify it from your Account page, then open this link again.");
  }
}

/** Accepts an invite: the inviter and the acting user become a couple, or nothing changes. */
export async function acceptInvite(access: Access, token: string, now = new Date()): Promise<{ coupleId: string }> {
  try {
    return await access.db.$transaction(async (tx) => {
      // Lock both people first, always in the same order: accepts that involve the same person
      // (two people accepting each other's links at once) then run one after the other instead
      // of locking each other's invites in opposite order and deadlocking.
      const target = await tx.coupleInvite.findUnique({ where: { tokenHash: hashToken(token) }, select: { inviterId: true } });
      if (target) {
        await tx.$queryRaw`
          SELECT "id" FROM "User" WHERE "id" IN (${target.inviterId}, ${access.userId}) ORDER BY "id" FOR NO KEY UPDATE`;
      }
      // Lock the invite row so two people accepting one link cannot both win.
      const [locked] = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "CoupleInvite" WHERE "tokenHash" = ${hashToken(token)} FOR UPDATE`;
      const invite = locked
        ? await tx.coupleInvite.findUnique({
            where: { id: locked.id },
            select: { id: true, inviterId: true, expiresAt: true, acceptedAt: true, revokedAt: true, email: true },
          })
        : null;
      const status = statusOf(invite, now);
      if (!invite || status !== "open") throw new DomainError("invalid", INVITE_PROBLEMS[status === "open" ? "unknown" : status]);
      if (invite.inviterId === access.userId) {
        throw new DomainError("invalid", "This is your own invite link. Send it to your partner to link up.");
      }
      if (invite.email) await requireVerifiedAddress(tx, access.userId, invite.email);
      const [mine, theirs] = await Promise.all([
        tx.coupleMember.findUnique({ where: { userId: access.userId }, select: { userId: true } }),
        tx.coupleMember.findUnique({ where: { userId: invite.inviterId }, select: { userId: true } }),
      ]);
      if (mine) throw new DomainError("conflict", "You are already linked with a partner. Leave that couple first.");
      if (theirs) throw new DomainError("conflict", "The person who invited you is already linked with someone else.");
      const couple = await tx.couple.create({
        data: { members: { create: [{ userId: invite.inviterId }, { userId: access.userId }] } },
        select: { id: true },
      });
      await tx.coupleInvite.update({ where: { id: invite.id }, data: { acceptedAt: now, token: null } });
      await withdrawOpenInvites(tx, access.userId, now);
      await notifyAboutPartner(tx, { userId: invite.inviterId, aboutUserId: access.userId, kind: "PARTNER_LINKED", now });
      return { coupleId: couple.id };
    });
  } catch (error) {
    // A concurrent accept or link that got there first (one couple per user).
    if (isUniqueViolation(error)) throw new DomainError("conflict", "One of you is already linked with a partner.");
    throw error;
  }
}

/**
 * Leaves the couple at once, with no approval needed. The couple ends for both partners:
 * every consent shared into it is withdrawn (C3), its plan is closed and pending reminders
 * are dropped. Each partner keeps their own notes and summaries. The other partner is told in
 * one neutral line, with nothing of why or what the leaver did.
 */
export async function leaveCouple(access: Access, now = new Date()): Promise<void> {
  const couple = await getMyCouple(access);
  if (!couple) throw notFound("You are not linked with a partner.");
  await access.db.$transaction(async (tx) => {
    await tx.shareConsent.updateMany({
      where: { coupleId: couple.id, withdrawnAt: null },
      data: withdrawal("COUPLE_ENDED", now),
    });
    await tx.planItem.deleteMany({ where: { coupleId: couple.id } });
    // The shared history and ground rules end for both (a reflection stays its author's own).
    await tx.conversation.deleteMany({ where: { coupleId: couple.id } });
    await tx.conversationGuide.deleteMany({ where: { coupleId: couple.id } });
    // Nothing is left under the couple's key: destroying it makes every old copy unreadable.
    await tx.dataKey.deleteMany({ where: { coupleId: couple.id } });
    await tx.reminderDelivery.deleteMany({ where: { coupleId: couple.id, status: { in: ["PENDING", "SENDING"] } } });
    await tx.couple.update({ where: { id: couple.id }, data: { endedAt: now } });
    await tx.coupleMember.deleteMany({ where: { coupleId: couple.id } });
    if (couple.partner) {
      const pair = [access.userId, couple.partner.id];
      // "X linked with you" is stale once the link is gone.
      await tx.notice.updateMany({
        where: { kind: "PARTNER_LINKED", userId: { in: pair }, aboutUserId: { in: pair }, dismissedAt: null },
        data: { dismissedAt: now },
      });
      await notifyAboutPartner(tx, { userId: couple.partner.id, aboutUserId: access.userId, kind: "PARTNER_LEFT", now });
    }
  });
}

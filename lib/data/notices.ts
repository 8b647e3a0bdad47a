import "server-only";
import type { NoticeKind, Prisma } from "@/lib/generated/prisma/client";
import type { Access } from "./access";
import { notFound } from "./errors";

/**
 * Notices: one calm line for one person about their link with a partner, shown on their next
 * page view until they dismiss it (decision 032). A notice stores a kind and ids only; the name
 * and the invite link are read when it is shown, and each person reads and dismisses only their own.
 */
export type MyNotice =
  | { id: string; kind: "PARTNER_LINKED" | "PARTNER_LEFT"; name: string | null }
  | { id: string; kind: "INVITE_WAITING"; name: string | null; invitePath: string };

type Tx = Prisma.TransactionClient;

/** Records a notice for `userId` about `aboutUserId` (a partner who linked or left). */
export async function notifyAboutPartner(tx: Tx, input: { userId: string; aboutUserId: string; kind: Exclude<NoticeKind, "INVITE_WAITING">; now: Date }) {
  await tx.notice.create({ data: { userId: input.userId, aboutUserId: input.aboutUserId, kind: input.kind, createdAt: input.now } });
}

/**
 * Tells the account that has verified `email` of every open invite addressed to it. Called
 * when an address is proved and when an invite is emailed; it answers nothing, so no caller
 * learns whether the address has an account.
 */
export async function noticeInvitesWaitingFor(tx: Tx, email: string, now: Date): Promise<void> {
  const user = await tx.user.findUnique({ where: { email }, select: { id: true, emailVerifiedAt: true } });
  if (!user?.emailVerifiedAt) return;
  const invites = await tx.coupleInvite.findMany({
    where: { email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now }, inviterId: { not: user.id } },
    select: { id: true, inviterId: true },
  });
  if (!invites.length) return;
  await tx.notice.createMany({
    data: invites.map((invite) => ({ userId: user.id, kind: "INVITE_WAITING" as const, aboutUserId: invite.inviterId, inviteId: invite.id, createdAt: now })),
    skipDuplicates: true,
  });
}

/**
 * The acting user's notices, newest first. An invite notice is shown only while the invite is
 * open, still addressed to this account's verified address and this person is not linked: it
 * never outlives the reason for it.
 */
export async function listMyNotices(access: Access, now = new Date()): Promise<MyNotice[]> {
  // One statement: the person, whether they are linked, and their notices with what each is about.
  const { membership, notices, ...me } = await access.db.user.findUniqueOrThrow({
    where: { id: access.userId },
    select: {
      email: true,
      emailVerifiedAt: true,
      membership: { select: { userId: true } },
      notices: {
        where: { dismissedAt: null },
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          kind: true,
          aboutUser: { select: { displayName: true } },
          invite: { select: { email: true, token: true, expiresAt: true, acceptedAt: true, revokedAt: true } },
        },
      },
    },
  });
  return notices.flatMap((notice): MyNotice[] => {
    const name = notice.aboutUser?.displayName ?? null;
    if (notice.kind !== "INVITE_WAITING") return [{ id: notice.id, kind: notice.kind, name }];
    const invite = notice.invite;
    const stillWaiting =
      invite?.token &&
      !membership &&
      me.emailVerifiedAt &&
      invite.email === me.email &&
      !invite.acceptedAt &&
      !invite.revokedAt &&
      invite.expiresAt > now;
    return stillWaiting ? [{ id: notice.id, kind: "INVITE_WAITING", name, invitePath: `/invite/${invite.token}` }] : [];
  });
}

/** Dismisses one of the acting user's notices; anyone else's, or none, is not found alike. */
export async function dismissNotice(access: Access, noticeId: string, now = new Date()): Promise<void> {
  const { count } = await access.db.notice.updateMany({
    where: { id: noticeId, userId: access.userId, dismissedAt: null },
    data: { dismissedAt: now },
  });
  if (count === 0) throw notFound("This notice is not there any more.");
}

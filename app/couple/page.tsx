import type { Metadata } from "next";
import Link from "next/link";
import { EmailInviteForm } from "@/components/couple/email-invite-form";
import { InviteLink } from "@/components/couple/invite-link";
import { LinkNotices } from "@/components/notices/link-notices";
import { ActionForm } from "@/components/ui/action-form";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Notice } from "@/components/ui/notice";
import { requireAccess } from "@/lib/auth/session";
import { getMyCouple, getMyOpenInvite } from "@/lib/data/couples";
import { listMyNotices } from "@/lib/data/notices";
import { listMyUndeliveredEmails } from "@/lib/data/undelivered-mail";
import { absoluteUrl } from "@/lib/http/absolute-url";
import { createInviteAction, leaveCoupleAction, revokeInviteAction } from "./actions";

export const metadata: Metadata = { title: "Your partner" };

type Props = { searchParams: Promise<{ linked?: string; left?: string }> };

export default async function CouplePage({ searchParams }: Props) {
  const access = await requireAccess();
  const [couple, openInvite, undelivered, notices, { linked, left }] = await Promise.all([
    getMyCouple(access),
    getMyOpenInvite(access),
    listMyUndeliveredEmails(access),
    listMyNotices(access),
    searchParams,
  ]);
  const inviteLink = openInvite ? await absoluteUrl(`/invite/${openInvite.token}`) : null;
  return (
    <div className="space-y-8">
      <LinkNotices notices={notices} />
      <h1 className="text-2xl font-semibold">Your partner</h1>
      {linked ? <Notice>You are linked. Nothing has been shared: each of you decides, item by item.</Notice> : null}
      {left ? <Notice>You have left the couple. Everything either of you shared into it is withdrawn.</Notice> : null}
      {!couple && undelivered.length > 0 ? (
        <div role="alert" className="rounded-lg border border-rose-300 bg-rose-50 px-4 py-3 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100">
          <p>These emails could not be delivered, even after several tries:</p>
          <ul className="mt-1 list-disc pl-5">
            {undelivered.map((email) => (
              <li key={email.id}>
                “{email.subject}” to {email.to}
              </li>
            ))}
          </ul>
          <p className="mt-1">Check the address, or create an invite link below and send it yourself.</p>
        </div>
      ) : null}
      {couple ? (
        <>
          <section className="space-y-3">
            <p className="text-lg">
              You are linked with <strong>{couple.partner?.displayName ?? "your partner"}</strong>.
            </p>
            <p className="text-stone-700 dark:text-stone-300">
              {couple.partner?.displayName ?? "Your partner"} sees only what you choose to share, one item at a time, and the
              topics either of you put on your plan. Your private notes and drafts stay yours.
            </p>
            <p className="flex flex-wrap gap-4">
              <Link href="/shared">What we have shared</Link>
              <Link href="/plan">Our conversation plan</Link>
            </p>
          </section>
          <section className="space-y-3 rounded-xl border border-stone-200 p-4 dark:border-stone-800">
            <h2 className="text-lg font-semibold">Leave the couple</h2>
            <p className="text-sm text-stone-700 dark:text-stone-300">
              You can leave at any time, without asking. Everything either of you shared into this couple is withdrawn at
              once and your plan closes. You each keep your own notes and summaries. Your partner is not sent a message,
              but they will see that you are no longer linked.
            </p>
            <ActionForm action={leaveCoupleAction} submitLabel="Leave the couple" pendingLabel="Leaving…" tone="danger">
              <CheckboxField name="confirm" value="leave" label="I understand that this ends our link and withdraws everything shared." />
            </ActionForm>
          </section>
        </>
      ) : (
        <section className="space-y-4">
          <p className="text-stone-700 dark:text-stone-300">
            Invite your partner to link accounts. Linking shares nothing by itself: you will each still choose, one item at
            a time, what to bring to the other.
          </p>
          {openInvite && inviteLink ? (
            <div className="space-y-3 rounded-xl border border-stone-200 p-4 text-sm dark:border-stone-800">
              <InviteLink
                link={inviteLink}
                expiresAt={`${openInvite.expiresAt.toLocaleString("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`}
              />
              {openInvite.email ? (
                <p>
                  Also sent by email to <strong>{openInvite.email}</strong>. Only the account that verifies that address can accept
                  this invite, whichever way the link reaches them.
                </p>
              ) : null}
              <div className="flex flex-wrap gap-3">
                <ActionForm action={revokeInviteAction} submitLabel="Withdraw the invite" pendingLabel="Withdrawing…" tone="secondary" />
                <ActionForm action={createInviteAction} submitLabel="Replace it with a new link" pendingLabel="Creating a link…" tone="secondary" />
              </div>
            </div>
          ) : (
            <ActionForm action={createInviteAction} submitLabel="Create an invite link" pendingLabel="Creating a link…" />
          )}
          <div className="space-y-2 border-t border-stone-200 pt-4 dark:border-stone-800">
            <h2 className="text-lg font-semibold">{openInvite ? "Send this invite by email" : "Or send it by email"}</h2>
            <p className="text-sm text-stone-700 dark:text-stone-300">
              The email carries the same link and says only that you invited them. It says nothing about therapy. Once sent,
              only the account that verifies that address can accept the invite.
            </p>
            <EmailInviteForm sentTo={openInvite?.email ?? null} />
          </div>
        </section>
      )}
    </div>
  );
}

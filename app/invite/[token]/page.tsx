import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { getCurrentUser } from "@/lib/auth/session";
import { previewInvite } from "@/lib/data/couples";
import { getDb } from "@/lib/db/client";
import { acceptInviteAction } from "@/app/couple/actions";

export const metadata: Metadata = { title: "Invitation" };

type Props = { params: Promise<{ token: string }> };

export default async function InvitePage({ params }: Props) {
  const { token } = await params;
  const [user, invite] = await Promise.all([getCurrentUser(), previewInvite({ db: getDb() }, token.slice(0, 200))]);
  const here = `/invite/${encodeURIComponent(token)}`;
  return (
    <div className="mx-auto max-w-lg space-y-6">
      <h1 className="text-2xl font-semibold">Link with your partner</h1>
      {invite.status !== "open" ? (
        <p role="alert" className="rounded-lg border border-rose-300 bg-rose-50 px-4 py-3 text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100">
          {invite.problem}
        </p>
      ) : (
        <>
          <p>
            <strong>{invite.inviterName}</strong> invited you to link your accounts on Common Ground.
          </p>
          <ul className="list-disc space-y-1 pl-6 text-stone-700 dark:text-stone-300">
            <li>Linking shares nothing by itself.</li>
            <li>Each of you keeps a private space the other can never see.</li>
            <li>You each choose, one item at a time, what to share, and can withdraw it later.</li>
          </ul>
          {user ? (
            <ActionForm action={acceptInviteAction} hidden={{ token }} submitLabel={`Link with ${invite.inviterName}`} pendingLabel="Linking…" />
          ) : (
            <p className="flex flex-wrap gap-4">
              <Link href={`/sign-up?callbackUrl=${encodeURIComponent(here)}`}>Create an account to accept</Link>
              <Link href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`}>Sign in to accept</Link>
            </p>
          )}
        </>
      )}
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { ActionForm } from "@/components/ui/action-form";
import { verifyLinkStatus } from "@/lib/auth/email-verification";
import { getDb } from "@/lib/db/client";
import { confirmEmailAction } from "../actions";

export const metadata: Metadata = { title: "Confirm your email address", referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

/** Opening the link changes nothing (mail scanners open links too): the button does. */
export default async function VerifyEmailPage({ params }: Props) {
  const { token } = await params;
  const link = await verifyLinkStatus(getDb(), token);
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-semibold">Confirm your email address</h1>
      {link.ok ? (
        <>
          <p className="text-stone-700 dark:text-stone-300">
            Confirm that <strong>{link.email}</strong> is yours, so that reminders and invites sent to it can reach you.
          </p>
          <ActionForm action={confirmEmailAction} hidden={{ token }} submitLabel="Confirm my address" pendingLabel="Confirming…" />
        </>
      ) : (
        <>
          <Alert>
            {link.message}
          </Alert>
          <p className="text-sm">
            <Link href="/account">Your account</Link>
          </p>
        </>
      )}
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { resetPasswordAction } from "@/app/forgot-password/actions";
import { Alert } from "@/components/ui/alert";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { resetLinkStatus } from "@/lib/auth/password-reset";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

/** Opening the link changes nothing (mail scanners open links too): choosing the password does. */
export default async function ResetPasswordPage({ params }: Props) {
  const { token } = await params;
  const link = await resetLinkStatus(getDb(), token);
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-semibold">Choose a new password</h1>
      {link.ok ? (
        <>
          <p className="text-stone-700 dark:text-stone-300">
            For the account of <strong>{link.email}</strong>. Every device signed in to it is signed out when you save.
          </p>
          <SetPasswordForm action={resetPasswordAction} token={token} goTo="/" submitLabel="Save my new password" pendingLabel="Saving…" />
        </>
      ) : (
        <>
          <Alert>
            {link.message}
          </Alert>
          <p className="text-sm">
            <Link href="/forgot-password">Ask for a new link</Link>
          </p>
        </>
      )}
    </div>
  );
}

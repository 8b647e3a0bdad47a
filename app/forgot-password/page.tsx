import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { isOutboxEnabled } from "@/lib/email/config";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-semibold">Forgot your password?</h1>
      <p className="text-stone-700 dark:text-stone-300">
        Enter your account&apos;s email address. We send it a link to choose a new password; choosing one signs you out
        on every device.
      </p>
      <ForgotPasswordForm />
      {isOutboxEnabled() ? (
        <p className="text-sm text-stone-700 dark:text-stone-300">
          No mail server is set up on this computer: the link waits in the <Link href="/outbox">development outbox</Link>,
          readable in the browser where the account was created.
        </p>
      ) : null}
      <p className="text-sm">
        <Link href="/sign-in">Back to sign in</Link>
      </p>
    </div>
  );
}

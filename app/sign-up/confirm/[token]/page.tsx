import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { InputField } from "@/components/ui/field";
import { getCurrentUser } from "@/lib/auth/session";
import { signUpLinkStatus } from "@/lib/auth/sign-up";
import { getDb } from "@/lib/db/client";
import { safeCallbackPath } from "@/lib/validation/callback-url";
import { completeSignUpAction } from "../../actions";

export const metadata: Metadata = { title: "Finish creating your account", referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ callbackUrl?: string }> };

/** Opening the link changes nothing (mail scanners open links too): choosing the password does. */
export default async function CompleteSignUpPage({ params, searchParams }: Props) {
  const [{ token }, { callbackUrl }] = await Promise.all([params, searchParams]);
  const goTo = safeCallbackPath(callbackUrl, "/welcome");
  if (await getCurrentUser()) redirect(goTo);
  const link = await signUpLinkStatus(getDb(), token);
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-semibold">Finish creating your account</h1>
      {link.ok ? (
        <>
          <p className="text-stone-700 dark:text-stone-300">
            Your address <strong>{link.email}</strong> is confirmed. Choose a password to finish.
          </p>
          <SetPasswordForm action={completeSignUpAction} token={token} goTo={goTo} submitLabel="Create my account" pendingLabel="Creating your account…">
            <InputField
              name="displayName"
              label="Your name"
              hint="Your partner will see this name once you link up. Nothing else about you is shown to them."
              autoComplete="given-name"
              required
              defaultValue={link.displayName}
            />
          </SetPasswordForm>
        </>
      ) : (
        <>
          <Alert>
            {link.message}
          </Alert>
          <p className="text-sm">
            <Link href="/sign-up">Sign up</Link> · <Link href="/sign-in">Sign in</Link> · <Link href="/forgot-password">Forgot your password?</Link>
          </p>
        </>
      )}
    </div>
  );
}

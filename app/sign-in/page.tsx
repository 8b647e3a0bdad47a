import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentUser } from "@/lib/auth/session";
import { safeCallbackPath } from "@/lib/validation/callback-url";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<{ callbackUrl?: string; signedOut?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, signedOut } = await searchParams;
  const callbackPath = safeCallbackPath(callbackUrl);
  if (await getCurrentUser()) redirect(callbackPath);
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      {signedOut ? (
        <p role="status" className="rounded-lg bg-teal-50 px-4 py-3 text-sm text-teal-900 dark:bg-teal-950 dark:text-teal-100">
          You are signed out.
        </p>
      ) : null}
      <SignInForm callbackPath={callbackPath} />
      <p className="text-sm">
        <Link href="/forgot-password">Forgot your password?</Link>
      </p>
      <p className="text-sm">
        New here? <Link href={`/sign-up?callbackUrl=${encodeURIComponent(callbackPath)}`}>Create an account</Link>
      </p>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getCurrentUser } from "@/lib/auth/session";
import { isOutboxEnabled } from "@/lib/email/config";
import { safeCallbackPath } from "@/lib/validation/callback-url";

export const metadata: Metadata = { title: "Create an account" };

type Props = { searchParams: Promise<{ callbackUrl?: string }> };

export default async function SignUpPage({ searchParams }: Props) {
  // A newcomer first reads what their partner can and cannot see, unless they came for a page (an invite link).
  const callbackPath = safeCallbackPath((await searchParams).callbackUrl, "/welcome");
  if (await getCurrentUser()) redirect(callbackPath);
  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-2xl font-semibold">Create your own account</h1>
      <p className="text-stone-700 dark:text-stone-300">
        Each partner has their own account. What you write in your private space stays yours: your partner cannot
        see it, or even see that it exists.
      </p>
      <SignUpForm callbackPath={callbackPath} outboxEnabled={isOutboxEnabled()} />
      <p className="text-sm">
        Already have an account? <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callbackPath)}`}>Sign in</Link>
      </p>
    </div>
  );
}

import Link from "next/link";
import { sendVerificationLinkAction } from "@/app/verify-email/actions";
import { ActionForm } from "@/components/ui/action-form";
import { isOutboxEnabled } from "@/lib/email/config";

/**
 * Shown to an account whose address is not verified (accounts made before sign-up verified
 * addresses): what it misses, and a button to get the link.
 */
export function VerifyAddressPrompt({ email, reason }: { email: string; reason: string }) {
  return (
    <section className="space-y-2 rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-50">
      <h2 className="text-lg font-semibold">Verify your email address</h2>
      <p className="text-sm">
        {email} is not verified yet. {reason}
      </p>
      {isOutboxEnabled() ? (
        <p className="text-sm">
          No mail server is set up on this computer: the link waits in the <Link href="/outbox">development outbox</Link>.
        </p>
      ) : null}
      <ActionForm action={sendVerificationLinkAction} submitLabel="Send me a verification link" pendingLabel="Sending…" tone="secondary" />
    </section>
  );
}

import type { Metadata } from "next";
import { ActionForm } from "@/components/ui/action-form";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { VerifyAddressPrompt } from "@/components/account/verify-address-prompt";
import { InputField } from "@/components/ui/field";
import { getMyEmailStatus } from "@/lib/auth/email-verification";
import { requireAccess, requireUser } from "@/lib/auth/session";
import { deleteAccountAction, signOutEverywhereAction } from "./actions";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireUser();
  const address = await getMyEmailStatus(await requireAccess());
  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Your account</h1>
        <p className="text-stone-700 dark:text-stone-300">
          Signed in as {user.displayName} ({user.email}).
        </p>
      </div>
      {address.verified ? null : (
        <VerifyAddressPrompt email={address.email} reason="Until it is, reminders are not sent to it and invites sent to it by email cannot be accepted." />
      )}
      <section className="space-y-2 rounded-xl border border-stone-200 p-4 dark:border-stone-800">
        <h2 className="text-lg font-semibold">Your data</h2>
        <p className="text-sm">Download everything that is yours: notes, summaries and your sharing history, as JSON.</p>
        <p>
          <a href="/api/export" download>
            Download my data
          </a>
        </p>
      </section>
      <section className="space-y-2 rounded-xl border border-stone-200 p-4 dark:border-stone-800">
        <h2 className="text-lg font-semibold">Sign out everywhere</h2>
        <p className="text-sm">Ends every session of this account, on every device, including this one.</p>
        <ActionForm action={signOutEverywhereAction} submitLabel="Sign out everywhere" pendingLabel="Signing out…" tone="secondary" />
      </section>
      <section className="space-y-2 rounded-xl border border-rose-200 p-4 dark:border-rose-900">
        <h2 className="text-lg font-semibold">Delete my account</h2>
        <p className="text-sm">
          Deletes your account, notes, summaries and history for good. If you are linked with a partner, you leave the
          couple first, and everything you both shared into it is withdrawn.
        </p>
        <ActionForm action={deleteAccountAction} submitLabel="Delete my account" pendingLabel="Deleting…" tone="danger">
          <InputField name="password" label="Your password" type="password" autoComplete="current-password" />
          <CheckboxField name="confirm" value="delete" label="I understand this cannot be undone." />
        </ActionForm>
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import { ActionForm } from "@/components/ui/action-form";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { VerifyAddressPrompt } from "@/components/account/verify-address-prompt";
import { InputField } from "@/components/ui/field";
import { getMyEmailStatus } from "@/lib/auth/email-verification";
import { requireAccess, requireUser } from "@/lib/auth/session";
import { SESSION_POLICY } from "@/lib/auth/sessions";
import { NEUTRAL_TAB_TITLE } from "@/lib/content/neutral-title";
import { listMySessions } from "@/lib/data/account";
import { getMyTherapyRole } from "@/lib/data/therapy-role";
import { TherapyRoleForm } from "@/components/account/therapy-role-form";
import { TimeZoneCapture } from "@/components/check-ins/time-zone-capture";
import { When } from "@/components/check-ins/when";
import { TimeZoneInput } from "@/components/check-ins/time-zone-input";
import { getMyTimeZone } from "@/lib/data/time-zone";
import { PASSWORD_MIN } from "@/lib/validation/limits";
import {
  changePasswordAction,
  deleteAccountAction,
  endSessionAction,
  neutralTabTitleAction,
  rememberTimeZoneAction,
  signOutEverywhereAction,
  timeZoneAction,
} from "./actions";

export const metadata: Metadata = { title: "Your account" };

const SECTION = "space-y-2 rounded-xl border border-stone-200 p-4 dark:border-stone-800";

export default async function AccountPage() {
  const [user, access] = await Promise.all([requireUser(), requireAccess()]);
  const [address, sessions, role, timeZone] = await Promise.all([
    getMyEmailStatus(access),
    listMySessions(access),
    getMyTherapyRole(access),
    getMyTimeZone(access),
  ]);
  // Times in the person's own zone, named; UTC, named, until their browser's zone is noted (decision 040).
  const readIn = timeZone ?? "UTC";
  const now = new Date();
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
      <section className={SECTION} aria-labelledby="sessions-heading">
        <h2 id="sessions-heading" tabIndex={-1} className="text-lg font-semibold">
          Where you are signed in
        </h2>
        <p className="text-sm">
          A device you have not used for {SESSION_POLICY.idleMs / 3_600_000} hours is signed out by itself, and every
          device {SESSION_POLICY.lifetimeMs / 86_400_000} days after it signed in. If you see one you do not know, sign
          it out and change your password.
        </p>
        <ul className="divide-y divide-stone-200 dark:divide-stone-800">
          {sessions.map((session) => {
            const current = session.id === user.sessionId;
            return (
              <li key={session.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div className="text-sm">
                  <p className="font-semibold">
                    {session.deviceLabel}
                    {current ? <span className="ml-2 rounded bg-teal-100 px-2 py-0.5 text-xs text-teal-900 dark:bg-teal-900 dark:text-teal-100">This device</span> : null}
                  </p>
                  <p className="text-stone-600 dark:text-stone-400">
                    Signed in <When at={session.createdAt} zone={readIn} now={now} />; last used{" "}
                    <When at={session.lastSeenAt} zone={readIn} now={now} />
                  </p>
                </div>
                <ActionForm
                  action={endSessionAction}
                  hidden={{ sessionId: session.id }}
                  submitLabel={current ? "Sign out here" : `Sign out: ${session.deviceLabel}`}
                  pendingLabel="Signing out…"
                  tone="secondary"
                  afterSuccessFocus={["sessions-heading"]}
                />
              </li>
            );
          })}
        </ul>
        <h3 className="pt-2 font-semibold">Sign out everywhere</h3>
        <p className="text-sm">Ends every session of this account, on every device, including this one.</p>
        <ActionForm action={signOutEverywhereAction} submitLabel="Sign out everywhere" pendingLabel="Signing out…" tone="secondary" />
      </section>
      <section className={SECTION}>
        <h2 className="text-lg font-semibold">Change your password</h2>
        <p className="text-sm">Every other device is signed out when you change it; this one stays signed in.</p>
        <ActionForm action={changePasswordAction} submitLabel="Change my password" pendingLabel="Changing…">
          <InputField name="currentPassword" label="Current password" type="password" autoComplete="current-password" />
          <InputField
            name="newPassword"
            label="New password"
            type="password"
            autoComplete="new-password"
            hint={`At least ${PASSWORD_MIN} characters.`}
          />
          <InputField name="repeatPassword" label="New password again" type="password" autoComplete="new-password" />
        </ActionForm>
      </section>
      <section className={SECTION} aria-labelledby="time-zone-heading">
        <h2 id="time-zone-heading" className="text-lg font-semibold">
          Your time zone
        </h2>
        <p className="text-sm">
          Times on your pages and in your reminder emails are shown in this zone, with its name. Your partner
          keeps their own.
        </p>
        <ActionForm action={timeZoneAction} submitLabel="Save my time zone" pendingLabel="Saving…" tone="secondary">
          <TimeZoneInput value={timeZone} hint="Starts at the zone this browser reports. Type a city to search." />
        </ActionForm>
        {timeZone ? null : <TimeZoneCapture action={rememberTimeZoneAction} />}
      </section>
      <section className={SECTION}>
        <h2 className="text-lg font-semibold">Who is in therapy</h2>
        <TherapyRoleForm role={role} />
      </section>
      <section className={SECTION}>
        <h2 className="text-lg font-semibold">A neutral tab title</h2>
        <p className="text-sm">
          With this on, every page of Common Ground is titled &ldquo;{NEUTRAL_TAB_TITLE}&rdquo; in your browser&rsquo;s tabs,
          window list and bookmarks, wherever you are signed in.
        </p>
        <ActionForm action={neutralTabTitleAction} submitLabel="Save" pendingLabel="Saving…" tone="secondary">
          <CheckboxField name="neutral" value="on" defaultChecked={user.neutralTabTitle} label={`Title every page “${NEUTRAL_TAB_TITLE}”`} />
        </ActionForm>
      </section>
      <section className={SECTION}>
        <h2 className="text-lg font-semibold">Your data</h2>
        <p className="text-sm">Download everything that is yours: notes, summaries and your sharing history, as JSON.</p>
        <p>
          <a href="/api/export" download>
            Download my data
          </a>
        </p>
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

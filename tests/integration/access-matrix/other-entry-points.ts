/**
 * The rest of app/ in the access matrix: every page, route handler and server action that
 * holds no item of the author's (sign-up, the account, check-ins, invites, …). Each is called
 * as a browser would, by every actor; sweepMatrix (tests/support/access-matrix.ts) checks that
 * none of them shows or changes the author's writing for anyone else, and what a signed-out
 * visitor gets. What each one does for its own user is tested in its own file.
 */
import { randomUUID } from "node:crypto";
import {
  changePasswordAction,
  deleteAccountAction,
  endSessionAction,
  neutralTabTitleAction,
  rememberTimeZoneAction,
  signOutEverywhereAction,
  timeZoneAction,
} from "@/app/account/actions";
import AccountPage from "@/app/account/page";
import AboutPage from "@/app/about/page";
import { POST as cronPost } from "@/app/api/cron/reminders/route";
import { POST as unsubscribePost } from "@/app/api/reminders/unsubscribe/[token]/route";
import { POST as draftsPost } from "@/app/api/drafts/route";
import { POST as signOutPost } from "@/app/api/sign-out/route";
import {
  moveOccurrenceAction,
  restoreOccurrenceAction,
  saveReminderPreferencesAction,
  saveScheduleAction,
  skipOccurrenceAction,
} from "@/app/check-ins/actions";
import { GET as calendarGet } from "@/app/check-ins/check-in.ics/route";
import CheckInsPage from "@/app/check-ins/page";
import {
  acceptGuideAction,
  callPauseAction,
  closeConversationAction,
  dropGuideProposalAction,
  endPauseAction,
  moveConversationAction,
  passTurnAction,
  proposeGuideAction,
  saveReflectionAction,
  startConversationAction,
} from "@/app/conversation/actions";
import GroundRulesPage from "@/app/conversation/rules/page";
import { acceptInviteAction, createInviteAction, emailInviteAction, leaveCoupleAction, revokeInviteAction } from "@/app/couple/actions";
import { forgotPasswordAction, resetPasswordAction } from "@/app/forgot-password/actions";
import ForgotPasswordPage from "@/app/forgot-password/page";
import InvitePage from "@/app/invite/[token]/page";
import { createNoteAction } from "@/app/notes/actions";
import NewNotePage from "@/app/notes/new/page";
import OutboxPage from "@/app/outbox/page";
import { addCheckInTemplateAction, addTopicAction, setConversationTimeAction } from "@/app/plan/actions";
import ResetPasswordPage from "@/app/reset-password/[token]/page";
import SignInPage from "@/app/sign-in/page";
import { completeSignUpAction, signUpAction } from "@/app/sign-up/actions";
import CompleteSignUpPage from "@/app/sign-up/confirm/[token]/page";
import SignUpPage from "@/app/sign-up/page";
import UnsubscribePage from "@/app/unsubscribe/[token]/page";
import { confirmEmailAction, sendVerificationLinkAction } from "@/app/verify-email/actions";
import VerifyEmailPage from "@/app/verify-email/[token]/page";
import WelcomePage from "@/app/welcome/page";
import { pageResult, postForm, responseResult, type Call, type SweepEntry } from "../../support/access-matrix";
import { cheapPasswordHash } from "../../support/users";

const ORIGIN = "http://127.0.0.1:3000";
const noSearch = { searchParams: Promise.resolve({}) };
/** A link secret that matches nothing (invites, sign-up, reset, verification and unsubscribe links). */
const unknownToken = () => ({ params: Promise.resolve({ token: `not-a-real-link-${randomUUID()}` }) });
const sameOrigin = { host: "127.0.0.1:3000", origin: ORIGIN, "sec-fetch-site": "same-origin" };
const password = "a long enough passphrase";

/** World users never sign in with a password; these actions check one, so the actor gets a real (cheap) hash of `password`. */
async function givePassword({ db, world, actor }: Call): Promise<void> {
  if (actor === "signed-out") return;
  await db.user.update({ where: { id: world[actor].id }, data: { passwordHash: await cheapPasswordHash(password) } });
}

/**
 * next-auth's own handler (sign-in, sign-out, session, CSRF) reads its cookies with a CommonJS
 * require of next/headers, which the test browser cannot stand in for. It is tested through
 * getServerSession in tests/integration/sessions.test.ts and through authenticate() in
 * tests/integration/sign-in-throttle.test.ts instead; entry-points.test.ts checks those files exist.
 */
export const TESTED_OUTSIDE_THE_MATRIX: Readonly<Record<string, readonly string[]>> = {
  "app/api/auth/[...nextauth]/route.ts GET": ["tests/integration/sessions.test.ts"],
  "app/api/auth/[...nextauth]/route.ts POST": ["tests/integration/sessions.test.ts", "tests/integration/sign-in-throttle.test.ts"],
  // A person's own answer and their own notices: each actor against another's, in their own matrix files.
  "app/account/actions.ts therapyRoleAction": ["tests/integration/access-matrix/home-and-role.test.ts"],
  "app/couple/actions.ts dismissNoticeAction": ["tests/integration/access-matrix/notices.test.ts"],
};

export const OTHER_ENTRY_POINTS: readonly SweepEntry[] = [
  // Pages
  { entryPoint: "app/about/page.tsx", signedOut: "public", run: () => pageResult(async () => AboutPage()) },
  { entryPoint: "app/sign-in/page.tsx", signedOut: "public", run: () => pageResult(() => SignInPage(noSearch)) },
  { entryPoint: "app/sign-up/page.tsx", signedOut: "public", run: () => pageResult(() => SignUpPage(noSearch)) },
  {
    entryPoint: "app/sign-up/confirm/[token]/page.tsx",
    signedOut: "public",
    run: () => pageResult(() => CompleteSignUpPage({ ...unknownToken(), ...noSearch })),
  },
  { entryPoint: "app/forgot-password/page.tsx", signedOut: "public", run: () => pageResult(async () => ForgotPasswordPage()) },
  { entryPoint: "app/reset-password/[token]/page.tsx", signedOut: "public", run: () => pageResult(() => ResetPasswordPage(unknownToken())) },
  { entryPoint: "app/verify-email/[token]/page.tsx", signedOut: "public", run: () => pageResult(() => VerifyEmailPage(unknownToken())) },
  { entryPoint: "app/invite/[token]/page.tsx", signedOut: "public", run: () => pageResult(() => InvitePage(unknownToken())) },
  {
    entryPoint: "app/unsubscribe/[token]/page.tsx",
    signedOut: "public",
    run: () => pageResult(() => UnsubscribePage({ ...unknownToken(), ...noSearch })),
  },
  { entryPoint: "app/outbox/page.tsx", signedOut: "public", run: () => pageResult(() => OutboxPage()) },
  { entryPoint: "app/welcome/page.tsx", signedOut: "sign-in", run: () => pageResult(() => WelcomePage({ searchParams: Promise.resolve({}) })) },
  { entryPoint: "app/account/page.tsx", signedOut: "sign-in", run: () => pageResult(() => AccountPage()) },
  { entryPoint: "app/notes/new/page.tsx", signedOut: "sign-in", run: () => pageResult(() => NewNotePage(noSearch)) },
  { entryPoint: "app/check-ins/page.tsx", signedOut: "sign-in", run: () => pageResult(() => CheckInsPage()) },
  { entryPoint: "app/conversation/rules/page.tsx", signedOut: "sign-in", run: () => pageResult(() => GroundRulesPage()) },

  // Route handlers
  {
    entryPoint: "app/check-ins/check-in.ics/route.ts GET",
    signedOut: "unauthorized",
    run: () => responseResult(() => calendarGet(new Request(`${ORIGIN}/check-ins/check-in.ics`), {})),
  },
  {
    entryPoint: "app/api/sign-out/route.ts POST",
    signedOut: "public",
    run: () => responseResult(() => signOutPost(new Request(`${ORIGIN}/api/sign-out`, { method: "POST", headers: sameOrigin }))),
  },
  {
    // A draft of an edit to the author's note: only the author's own is kept; anyone else's is 404, the author's draft untouched.
    entryPoint: "app/api/drafts/route.ts POST",
    signedOut: "unauthorized",
    run: ({ target }) => {
      const body = JSON.stringify({ target: `note:${target}`, fields: { title: "Kept as typed", body: "Half a thought" } });
      return responseResult(() => draftsPost(new Request(`${ORIGIN}/api/drafts`, { method: "POST", headers: sameOrigin, body })));
    },
  },
  {
    // No user: the bearer secret is the guard, and without CRON_SECRET the endpoint does not exist.
    entryPoint: "app/api/cron/reminders/route.ts POST",
    signedOut: "public",
    run: () => responseResult(() => cronPost(new Request(`${ORIGIN}/api/cron/reminders`, { method: "POST" }))),
  },
  {
    // No user: the signed token in the link is the permission.
    entryPoint: "app/api/reminders/unsubscribe/[token]/route.ts POST",
    signedOut: "public",
    run: () => {
      const body = new URLSearchParams({ "List-Unsubscribe": "One-Click" });
      const request = new Request(`${ORIGIN}/api/reminders/unsubscribe/x`, { method: "POST", headers: sameOrigin, body });
      return responseResult(() => unsubscribePost(request, unknownToken()));
    },
  },

  // Server actions
  { entryPoint: "app/notes/actions.ts createNoteAction", signedOut: "sign-in", run: () => postForm(createNoteAction, { title: "My own note", body: "Mine.", formKey: randomUUID() }) },
  { entryPoint: "app/plan/actions.ts addTopicAction", signedOut: "sign-in", run: () => postForm(addTopicAction, { title: "Holidays", formKey: randomUUID() }) },
  { entryPoint: "app/plan/actions.ts addCheckInTemplateAction", signedOut: "sign-in", run: () => postForm(addCheckInTemplateAction, { formKey: randomUUID() }) },
  {
    entryPoint: "app/plan/actions.ts setConversationTimeAction",
    signedOut: "sign-in",
    run: () => postForm(setConversationTimeAction, { conversationAt: "2031-07-20T19:00", timeZone: "Europe/Berlin" }),
  },
  {
    entryPoint: "app/check-ins/actions.ts saveScheduleAction",
    signedOut: "sign-in",
    run: () => postForm(saveScheduleAction, { cadence: "WEEKLY", weekday: "3", localTime: "18:30", timeZone: "Europe/Berlin" }),
  },
  // One occurrence of the couple's check-in (decision 038); who may change which is tested in check-in-changes.test.ts.
  { entryPoint: "app/check-ins/actions.ts skipOccurrenceAction", signedOut: "sign-in", run: () => postForm(skipOccurrenceAction, { occurrenceAt: "2031-07-20T17:00:00.000Z" }) },
  {
    entryPoint: "app/check-ins/actions.ts moveOccurrenceAction",
    signedOut: "sign-in",
    run: () => postForm(moveOccurrenceAction, { occurrenceAt: "2031-07-20T17:00:00.000Z", movedTo: "2031-07-21T19:00", timeZone: "Europe/Berlin" }),
  },
  { entryPoint: "app/check-ins/actions.ts restoreOccurrenceAction", signedOut: "sign-in", run: () => postForm(restoreOccurrenceAction, { occurrenceAt: "2031-07-20T17:00:00.000Z" }) },
  {
    entryPoint: "app/check-ins/actions.ts saveReminderPreferencesAction",
    signedOut: "sign-in",
    run: () => postForm(saveReminderPreferencesAction, { emailEnabled: "on", leadHour: "on" }),
  },
  // The conversation: the couple's own place, turn, pause and rules (tests/integration/conversation-data.test.ts).
  { entryPoint: "app/conversation/actions.ts startConversationAction", signedOut: "sign-in", run: () => postForm(startConversationAction, {}) },
  { entryPoint: "app/conversation/actions.ts moveConversationAction", signedOut: "sign-in", run: () => postForm(moveConversationAction, { from: "opening:0", direction: "next" }) },
  { entryPoint: "app/conversation/actions.ts passTurnAction", signedOut: "sign-in", run: () => postForm(passTurnAction, { from: "opening:0" }) },
  { entryPoint: "app/conversation/actions.ts callPauseAction", signedOut: "sign-in", run: () => postForm(callPauseAction, { minutes: "20" }) },
  { entryPoint: "app/conversation/actions.ts endPauseAction", signedOut: "sign-in", run: () => postForm(endPauseAction, {}) },
  { entryPoint: "app/conversation/actions.ts closeConversationAction", signedOut: "sign-in", run: () => postForm(closeConversationAction, { agreedLine: "A walk on Sundays." }) },
  {
    entryPoint: "app/conversation/actions.ts proposeGuideAction",
    signedOut: "sign-in",
    run: () => postForm(proposeGuideAction, { rules: "One at a time.", steps: "Appreciations." }),
  },
  { entryPoint: "app/conversation/actions.ts acceptGuideAction", signedOut: "sign-in", run: () => postForm(acceptGuideAction, { seenAt: new Date().toISOString() }) },
  { entryPoint: "app/conversation/actions.ts dropGuideProposalAction", signedOut: "sign-in", run: () => postForm(dropGuideProposalAction, {}) },
  { entryPoint: "app/conversation/actions.ts saveReflectionAction", signedOut: "sign-in", run: () => postForm(saveReflectionAction, { body: "What stayed with me." }) },
  { entryPoint: "app/couple/actions.ts createInviteAction", signedOut: "sign-in", run: () => postForm(createInviteAction, {}) },
  { entryPoint: "app/couple/actions.ts emailInviteAction", signedOut: "sign-in", run: () => postForm(emailInviteAction, { email: "someone@example.test" }) },
  { entryPoint: "app/couple/actions.ts revokeInviteAction", signedOut: "sign-in", run: () => postForm(revokeInviteAction, {}) },
  { entryPoint: "app/couple/actions.ts acceptInviteAction", signedOut: "sign-in", run: () => postForm(acceptInviteAction, { token: `no-such-invite-${randomUUID()}` }) },
  { entryPoint: "app/couple/actions.ts leaveCoupleAction", signedOut: "sign-in", run: () => postForm(leaveCoupleAction, { confirm: "leave" }) },
  { entryPoint: "app/account/actions.ts neutralTabTitleAction", signedOut: "sign-in", run: () => postForm(neutralTabTitleAction, { neutral: "on" }) },
  { entryPoint: "app/account/actions.ts timeZoneAction", signedOut: "sign-in", run: () => postForm(timeZoneAction, { timeZone: "Asia/Tokyo" }) },
  { entryPoint: "app/account/actions.ts rememberTimeZoneAction", signedOut: "sign-in", run: () => postForm(rememberTimeZoneAction, { timeZone: "Asia/Tokyo" }) },
  { entryPoint: "app/account/actions.ts endSessionAction", signedOut: "sign-in", run: () => postForm(endSessionAction, { sessionId: randomUUID() }) },
  {
    entryPoint: "app/account/actions.ts changePasswordAction",
    signedOut: "sign-in",
    run: async (call) => {
      await givePassword(call);
      return postForm(changePasswordAction, { currentPassword: "not the password", newPassword: password, repeatPassword: password });
    },
  },
  {
    entryPoint: "app/account/actions.ts deleteAccountAction",
    signedOut: "sign-in",
    run: async (call) => {
      await givePassword(call);
      return postForm(deleteAccountAction, { password: "not the password", confirm: "delete" });
    },
  },
  { entryPoint: "app/account/actions.ts signOutEverywhereAction", signedOut: "sign-in", run: () => postForm(signOutEverywhereAction, {}) },
  { entryPoint: "app/verify-email/actions.ts sendVerificationLinkAction", signedOut: "sign-in", run: () => postForm(sendVerificationLinkAction, {}) },
  { entryPoint: "app/verify-email/actions.ts confirmEmailAction", signedOut: "public", run: () => postForm(confirmEmailAction, { token: `no-such-link-${randomUUID()}` }) },
  {
    entryPoint: "app/sign-up/actions.ts signUpAction",
    signedOut: "public",
    run: () => postForm(signUpAction, { displayName: "Newcomer", email: `newcomer-${randomUUID()}@example.test`, callbackUrl: "/welcome" }),
  },
  {
    entryPoint: "app/sign-up/actions.ts completeSignUpAction",
    signedOut: "public",
    run: () => postForm(completeSignUpAction, { token: `no-such-link-${randomUUID()}`, displayName: "Newcomer", password }),
  },
  { entryPoint: "app/forgot-password/actions.ts forgotPasswordAction", signedOut: "public", run: () => postForm(forgotPasswordAction, { email: "someone@example.test" }) },
  {
    entryPoint: "app/forgot-password/actions.ts resetPasswordAction",
    signedOut: "public",
    run: () => postForm(resetPasswordAction, { token: `no-such-link-${randomUUID()}`, password }),
  },
];

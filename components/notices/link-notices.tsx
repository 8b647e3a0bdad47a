import Link from "next/link";
import { dismissNoticeAction } from "@/app/couple/actions";
import { ActionForm } from "@/components/ui/action-form";
import type { MyNotice } from "@/lib/data/notices";

function NoticeText({ notice }: { notice: MyNotice }) {
  switch (notice.kind) {
    case "PARTNER_LINKED":
      return (
        <>
          {notice.name ?? "Your partner"} accepted your invite: you are linked. Nothing has been shared; each of you decides, item by
          item.
        </>
      );
    case "PARTNER_LEFT":
      return <>You are no longer linked with {notice.name ?? "your partner"}. Your notes and drafts are untouched.</>;
    case "INVITE_WAITING":
      return (
        <>
          {notice.name ?? "Someone"} invited you to link your accounts. <Link href={notice.invitePath}>See the invitation</Link>
        </>
      );
  }
}

/**
 * Calm one-line notices about this person's link with a partner (lib/data/notices.ts), each
 * dismissible. Rendered by the pages someone lands on: their private space and the partner page.
 */
export function LinkNotices({ notices }: { notices: MyNotice[] }) {
  if (!notices.length) return null;
  return (
    <ul aria-label="Notices" className="space-y-2">
      {notices.map((notice) => (
        <li
          key={notice.id}
          id={`notice-${notice.id}`}
          className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-stone-300 bg-stone-50 px-4 py-3 text-sm text-stone-800 dark:border-stone-700 dark:bg-stone-900 dark:text-stone-200"
        >
          <p className="min-w-0 flex-1 basis-60">
            <NoticeText notice={notice} />
          </p>
          <ActionForm
            action={dismissNoticeAction}
            hidden={{ noticeId: notice.id }}
            submitLabel={<span>Dismiss<span className="sr-only"> this notice</span></span>}
            pendingLabel="Dismissing…"
            tone="secondary"
            afterSuccessFocus={["main"]}
          />
        </li>
      ))}
    </ul>
  );
}

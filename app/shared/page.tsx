import type { Metadata } from "next";
import Link from "next/link";
import { SharedItems } from "@/components/sharing/shared-items";
import { requireAccess, requireUser } from "@/lib/auth/session";
import { NO_OBLIGATION } from "@/lib/content/guidance";
import { listSharedItems } from "@/lib/data/consent";
import { getMyCouple } from "@/lib/data/couples";

export const metadata: Metadata = { title: "Shared between us" };

/** The couple's shared view: only what each partner chose to share, as they shared it. */
export default async function SharedPage() {
  const access = await requireAccess();
  const [me, couple, items] = await Promise.all([requireUser(), getMyCouple(access), listSharedItems(access)]);
  if (!couple) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">Shared between us</h1>
        <p>
          You are not linked with a partner. <Link href="/couple">Invite your partner</Link> to start a shared space.
        </p>
      </div>
    );
  }
  const partnerName = couple.partner?.displayName ?? "Your partner";
  const fromPartner = items.filter((item) => !item.byMe);
  const fromMe = items.filter((item) => item.byMe);
  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Shared between us</h1>
        <p className="text-stone-700 dark:text-stone-300">
          Only what each of you chose to share, one item at a time. Whoever shared an item decides whether it goes on
          your <Link href="/plan">conversation plan</Link>; the other can ask to talk about it.
        </p>
      </div>
      <section className="space-y-3" aria-labelledby="from-partner">
        <h2 id="from-partner" className="text-lg font-semibold">
          From {partnerName}
        </h2>
        {fromPartner.length === 0 ? (
          <p className="rounded-xl border border-dashed border-stone-300 p-6 text-stone-700 dark:border-stone-700 dark:text-stone-300">
            Nothing shared with you right now. That is fine: sharing is always {partnerName}&apos;s own choice, in their own time.
          </p>
        ) : (
          <SharedItems items={fromPartner} from="partner" partnerName={partnerName} myName={me.displayName} />
        )}
      </section>
      <section className="space-y-3" aria-labelledby="from-me">
        <h2 id="from-me" className="text-lg font-semibold">
          What you shared ({partnerName} sees exactly this)
        </h2>
        {fromMe.length === 0 ? (
          <p className="rounded-xl border border-dashed border-stone-300 p-6 text-stone-700 dark:border-stone-700 dark:text-stone-300">
            You have not shared anything. {NO_OBLIGATION}
          </p>
        ) : (
          <SharedItems items={fromMe} from="me" partnerName={partnerName} myName={me.displayName} />
        )}
      </section>
    </div>
  );
}

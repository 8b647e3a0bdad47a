import Link from "next/link";
import { TherapyRoleForm } from "@/components/account/therapy-role-form";
import { LinkNotices } from "@/components/notices/link-notices";
import type { MyHome } from "@/lib/data/home";
import { BetweenUs } from "./between-us";
import { PrivateSpaceStart } from "./private-space-start";
import { ReceivingGuide } from "./receiving-guide";

/**
 * Home for someone signed in. The next step follows who they say is in therapy: the partner who
 * is not starts with how to receive, the person who is starts with their private notes.
 */
export function SignedInHome({ name, home }: { name: string; home: MyHome }) {
  const partnerName = home.couple?.partnerName ?? "your partner";
  const receiving = <ReceivingGuide partnerName={home.couple?.partnerName ?? "Your partner"} />;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Hello, {name}</h1>
      <LinkNotices notices={home.notices} />
      {home.role === "PARTNER" ? receiving : <PrivateSpaceStart />}
      {home.couple ? (
        <BetweenUs couple={home.couple} />
      ) : (
        <p className="text-sm">
          You are not linked with {partnerName}. <Link href="/couple">Invite your partner</Link> when you are ready: linking shares nothing by itself.
        </p>
      )}
      {home.role === "BOTH" ? receiving : null}
      {home.role === null ? (
        <section aria-labelledby="role-heading" className="space-y-3 rounded-xl border border-stone-200 p-4 dark:border-stone-800">
          <h2 id="role-heading" className="text-lg font-semibold">
            Make this page yours
          </h2>
          <TherapyRoleForm role={null} />
        </section>
      ) : null}
    </div>
  );
}

import Link from "next/link";
import { RECEIVING_GUIDANCE } from "@/lib/content/receiving";

/** The first step for a partner who is not in therapy: how to receive, before anything is shared. */
export function ReceivingGuide({ partnerName }: { partnerName: string }) {
  return (
    <section aria-labelledby="receiving-heading" className="space-y-3 rounded-xl border border-teal-200 bg-white p-4 dark:border-teal-900 dark:bg-stone-900">
      <h2 id="receiving-heading" className="text-lg font-semibold">
        How to receive what is shared
      </h2>
      <p className="text-sm text-stone-700 dark:text-stone-300">
        {partnerName}&rsquo;s therapy is their private space. Anything they share here, they chose to share, one item at a time.
      </p>
      <ul className="space-y-2 text-sm">
        {RECEIVING_GUIDANCE.map((point) => (
          <li key={point.label}>
            <span className="font-medium">{point.label}.</span> {point.hint}
          </li>
        ))}
      </ul>
      <p className="text-sm">
        <Link href="/shared">See what {partnerName} has shared</Link>
      </p>
    </section>
  );
}

import Link from "next/link";
import { When } from "@/components/check-ins/when";
import type { MyHome, SharedTitles } from "@/lib/data/home";

/** The newest few titles in quotes, and how many more there are: one sentence however many were shared. */
function Titles({ titles: { total, newest } }: { titles: SharedTitles }) {
  const more = total - newest.length;
  return (
    <>
      {newest.map((item, index) => (
        <span key={item.consentId}>
          {index > 0 ? ", " : null}&ldquo;{item.title}&rdquo;
        </span>
      ))}
      {more > 0 ? `, and ${more} more` : null}
    </>
  );
}

/** What the two of you have together: the next check-in, its agenda, what the partner newly shared, and their requests to talk. */
export function BetweenUs({ couple }: { couple: NonNullable<MyHome["couple"]> }) {
  const { partnerName, nextCheckIn, agendaCount, newFromPartner, talkRequests } = couple;
  return (
    <section aria-labelledby="between-heading" className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
      <h2 id="between-heading" className="text-lg font-semibold">
        You and {partnerName}
      </h2>
      <ul className="space-y-2 text-sm">
        <li>
          {nextCheckIn ? (
            <>
              Next {nextCheckIn.oneOff ? "conversation" : "check-in"}: <When at={nextCheckIn.at} zone={nextCheckIn.timeZone} now={nextCheckIn.now} />.{" "}
            </>
          ) : (
            <>No check-in time yet. <Link href="/check-ins">Choose one together</Link>. </>
          )}
          <Link href="/plan">
            {agendaCount === 0 ? "Nothing on your plan yet" : agendaCount === 1 ? "1 item on your plan" : `${agendaCount} items on your plan`}
          </Link>
        </li>
        <li>
          {newFromPartner.total === 0 ? (
            <>Nothing new from {partnerName}. Sharing is always their own choice, in their own time.</>
          ) : (
            <>
              {partnerName} chose to share {newFromPartner.total === 1 ? "something" : `${newFromPartner.total} things`} with you:{" "}
              <Titles titles={newFromPartner} />. <Link href="/shared">{newFromPartner.total === 1 ? "Read it on Shared" : "Read them on Shared"}</Link>
            </>
          )}
        </li>
        {talkRequests.total ? (
          <li>
            {partnerName} asked to talk about <Titles titles={talkRequests} />. It is your choice, and you do not need to give a reason. <Link href="/shared">Answer on Shared</Link>
          </li>
        ) : null}
      </ul>
    </section>
  );
}

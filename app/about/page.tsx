import type { Metadata } from "next";
import { ARTICLE } from "@/lib/content/article";

export const metadata: Metadata = { title: "About" };


export default function AboutPage() {
  return (
    <article className="space-y-6 leading-relaxed">
      <h1 className="text-2xl font-semibold">About Common Ground</h1>
      <p>
        Common Ground is for couples where one or both partners see a therapist. Therapy is a private place. You may
        want to bring some of it home, or you may not, and either is fine.
      </p>
      <h2 className="text-xl font-semibold">How we keep your privacy</h2>
      <ul className="list-disc space-y-2 pl-6">
        <li>Your private notes are readable by you alone. Your partner cannot see them, how many you have, or when you wrote.</li>
        <li>Nothing is shared unless you share it yourself, one item at a time. There is no &ldquo;share all&rdquo; and no automatic sharing.</li>
        <li>You can withdraw anything you shared, at any time.</li>
        <li>Your partner cannot ask the app for more. Sharing once sets no expectation of sharing again.</li>
      </ul>
      <h2 className="text-xl font-semibold">Where the ideas come from</h2>
      <p>
        The product follows the advice in &ldquo;
        <a href={ARTICLE.url} rel="noreferrer">
          {ARTICLE.title}
        </a>
        &rdquo; ({ARTICLE.outlet}; {ARTICLE.author}). Every sentence in this app is our own wording; the article is
        worth reading in full.
      </p>
    </article>
  );
}

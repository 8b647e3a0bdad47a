import type { Metadata } from "next";
import { ARTICLE } from "@/lib/content/article";
import { NEUTRAL_TAB_TITLE } from "@/lib/content/neutral-title";

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
      <h2 className="text-xl font-semibold">What Quick exit does, and what it cannot do</h2>
      <p>
        Quick exit (or Esc twice) replaces this page with a weather forecast at once, signs you out on our side as the
        page goes, and empties the page first, so Back or reopening the tab shows the sign-in page and nothing of
        yours. It cannot undo what your browser keeps by itself:
      </p>
      <ul className="list-disc space-y-2 pl-6">
        <li>
          Your browser&rsquo;s history still lists that you visited this site, and its addresses (for example
          &ldquo;/notes&rdquo;), though never what you wrote. Use a private window, or delete those entries from the history.
        </li>
        <li>Addresses typed into the address bar may be offered again as suggestions.</li>
        <li>Saved passwords and filled-in forms stay in your browser unless you remove them.</li>
        <li>
          Another tab or window of this site that is still open keeps what it shows until it is used; everything you
          do there then asks you to sign in again.
        </li>
        <li>Someone who can see your screen, or who watches your network or device, may have seen it already.</li>
      </ul>
      <p>
        On the Account page you can also title every page neutrally (&ldquo;{NEUTRAL_TAB_TITLE}&rdquo;), see every
        device where you are signed in, and sign any of them out.
      </p>
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

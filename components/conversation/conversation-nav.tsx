import Link from "next/link";

const LINKS = [
  { href: "/plan", label: "Plan" },
  { href: "/conversation", label: "Conversation" },
  { href: "/conversation/rules", label: "Ground rules" },
  { href: "/conversation/history", label: "Conversations we've had" },
  { href: "/conversation/reflect", label: "My reflections" },
] as const;

/** The conversation's own pages, one tap apart. */
export function ConversationNav({ current }: { current: (typeof LINKS)[number]["href"] }) {
  return (
    <nav aria-label="Conversation" className="print:hidden">
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {LINKS.map((link) => (
          <li key={link.href}>
            <Link href={link.href} aria-current={link.href === current ? "page" : undefined} className="inline-flex min-h-11 items-center aria-[current=page]:font-semibold">
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

"use client";

import Link from "next/link";
import { PrivateLabel } from "@/components/summaries/private-label";

/** `privateLabel`: the author's own label beside the title (summaries), never shown to the partner. */
export type LinkedItem = { id: string; title: string; detail: string; privateLabel?: string | null };

/**
 * A long list of items, each a link to its own page (`${basePath}/${id}`) with one line about it
 * (notes, summaries).
 * A client component given plain data: the page sends each item's words once, rather than as
 * markup and again as the same markup in the page's React data.
 */
export function LinkedItemList({ basePath, items }: { basePath: string; items: LinkedItem[] }) {
  return (
    <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
      {items.map((item) => (
        <li key={item.id} className="p-4">
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <Link href={`${basePath}/${item.id}`} className="text-lg font-medium">
              {item.title}
            </Link>
            <PrivateLabel label={item.privateLabel ?? null} />
          </div>
          <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">{item.detail}</p>
        </li>
      ))}
    </ul>
  );
}

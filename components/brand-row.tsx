import Link from "next/link";
import { QuickExit } from "./quick-exit";

/** The header's first row: the app's name and Quick exit, which every page keeps, error pages too. */
export function BrandRow({ home }: { home: string }) {
  return (
    <div className="flex items-center justify-between gap-3 pt-3">
      <Link href={home} className="text-lg font-semibold text-stone-900 no-underline dark:text-stone-50">
        Common Ground
      </Link>
      <QuickExit />
    </div>
  );
}

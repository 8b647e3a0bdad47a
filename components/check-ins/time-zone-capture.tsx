"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { FormState } from "@/lib/actions/form-state";
import { IDLE } from "@/lib/actions/form-state";

type Props = { action: (previous: FormState, formData: FormData) => Promise<FormState> };

/**
 * Notes the zone this browser reports, for someone whose zone is not known yet, with no step
 * for them to take (decision 038); the page then shows its times in that zone. Rendered only
 * while the zone is unknown, and never overwrites one chosen on /account.
 */
export function TimeZoneCapture({ action }: Props) {
  const router = useRouter();
  useEffect(() => {
    const form = new FormData();
    form.set("timeZone", Intl.DateTimeFormat().resolvedOptions().timeZone);
    let cancelled = false;
    action(IDLE, form).then(
      (state) => {
        if (!cancelled && state.status === "ok") router.refresh();
      },
      (error: unknown) => console.error("Noting the time zone failed; times stay in the check-in's zone, named.", error),
    );
    return () => {
      cancelled = true;
    };
  }, [action, router]);
  return null;
}

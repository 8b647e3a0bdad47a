"use client";

import { useEffect } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";

type Props = { action: (previous: FormState, formData: FormData) => Promise<FormState> };

/**
 * Notes the zone this browser reports, for someone whose zone is not known yet, with no step
 * for them to take (decision 038). The action revalidates the page, which then shows its times
 * in that zone. Rendered only while the zone is unknown; never overwrites one chosen on /account.
 */
export function TimeZoneCapture({ action }: Props) {
  useEffect(() => {
    const form = new FormData();
    form.set("timeZone", Intl.DateTimeFormat().resolvedOptions().timeZone);
    action(IDLE, form).catch((error: unknown) => console.error("Noting the time zone failed; times stay in the check-in's zone, named.", error));
  }, [action]);
  return null;
}

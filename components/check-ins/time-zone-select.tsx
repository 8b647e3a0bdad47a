"use client";

import { useSyncExternalStore } from "react";
import { FieldError, fieldErrorId } from "@/components/ui/field-error";

const subscribeNever = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

type Props = { zones: readonly string[]; value: string | null; errors?: string[] };

/**
 * The time zone list. With no saved zone it starts at the browser's own, so a couple in one
 * place rarely has to touch it; the server renders UTC until the browser says otherwise.
 */
export function TimeZoneSelect({ zones, value, errors }: Props) {
  const detected = useSyncExternalStore(subscribeNever, browserZone, () => null);
  const selected = value ?? detected ?? "UTC";
  const options = zones.includes(selected) ? zones : [selected, ...zones];
  const errorId = fieldErrorId("field-timeZone", errors);
  return (
    <div className="space-y-1.5">
      <label htmlFor="field-timeZone" className="block text-sm font-medium text-stone-800 dark:text-stone-100">
        Time zone
      </label>
      <select
        key={selected}
        id="field-timeZone"
        name="timeZone"
        defaultValue={selected}
        aria-describedby={errorId}
        aria-invalid={errorId ? true : undefined}
        className="block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-base text-stone-900 shadow-sm focus:border-teal-600 focus:outline-hidden focus:ring-2 focus:ring-teal-600 dark:border-stone-600 dark:bg-stone-900 dark:text-stone-100"
      >
        {options.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replace(/_/g, " ")}
          </option>
        ))}
      </select>
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

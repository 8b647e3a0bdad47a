"use client";

import { useSyncExternalStore } from "react";
import { describedBy, FieldError, fieldErrorId } from "@/components/ui/field-error";
import { useFieldErrors } from "@/components/ui/field-errors";
import { useFieldDefault } from "@/components/ui/field-values";

const subscribeNever = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const NO_ZONES: string[] = [];
let knownZones: string[] | null = null;
/** The IANA zones this browser knows, UTC first: read once, the same list every render. */
const browserZones = () => (knownZones ??= ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")]);

type Props = {
  /** The zone to start from; with none, the browser's own (the server renders empty until the browser says). */
  value: string | null;
  errors?: string[];
  /** For a page with more than one zone field: ids stay unique. */
  id?: string;
  label?: string;
  hint?: string;
};

/**
 * The time zone field: type to search the zones this browser knows (a native list, read by
 * screen readers and usable by keyboard), starting at the browser's own zone (decision 038).
 * The list is the browser's own, filled in once the page runs (decision 041): a page does not
 * carry some 420 zone names, twice over, on every request.
 */
export function TimeZoneInput({ value, errors, id = "field-timeZone", label = "Time zone", hint }: Props) {
  const detected = useSyncExternalStore(subscribeNever, browserZone, () => null);
  const zones = useSyncExternalStore(subscribeNever, browserZones, () => NO_ZONES);
  const sent = useFieldDefault("timeZone", undefined);
  const selected = (typeof sent === "string" ? sent : null) ?? value ?? detected ?? "";
  const shown = useFieldErrors("timeZone", errors);
  const errorId = fieldErrorId(id, shown);
  const hintId = `${id}-hint`;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-stone-800 dark:text-stone-100">
        {label}
      </label>
      <p id={hintId} className="text-sm text-stone-600 dark:text-stone-400">
        {hint ?? "Type a city to search, e.g. Berlin or New York."}
      </p>
      <input
        key={selected}
        id={id}
        name="timeZone"
        list={`${id}-zones`}
        defaultValue={selected}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={describedBy(hintId, errorId)}
        aria-invalid={errorId ? true : undefined}
        className="block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-base text-stone-900 shadow-sm focus:border-teal-600 focus:outline-hidden focus:ring-2 focus:ring-teal-600 aria-[invalid]:border-rose-600 dark:border-stone-600 dark:bg-stone-900 dark:text-stone-100"
      />
      <datalist id={`${id}-zones`}>
        {zones.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replace(/_/g, " ")}
          </option>
        ))}
      </datalist>
      <FieldError id={errorId} errors={shown} />
    </div>
  );
}

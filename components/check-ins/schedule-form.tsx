"use client";

import { useFormActionState } from "@/components/ui/use-form-action-state";
import type { FormState } from "@/lib/actions/form-state";
import { WEEKDAYS } from "@/lib/check-ins/weekdays";
import { InputField } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { TimeZoneInput } from "./time-zone-input";

export type ScheduleFormValues = { cadence: string; weekday: string; localTime: string; timeZone: string | null };

type Props = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  initial: ScheduleFormValues;
};

const selectClass =
  "block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-base text-stone-900 shadow-sm focus:border-teal-600 focus:outline-hidden focus:ring-2 focus:ring-teal-600 dark:border-stone-600 dark:bg-stone-900 dark:text-stone-100";

function text(value: string | string[] | undefined, otherwise: string): string {
  return typeof value === "string" ? value : otherwise;
}

export function ScheduleForm({ action, initial }: Props) {
  const [state, formAction] = useFormActionState(action);
  const sent = state.status === "error" ? state.values : {};
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = {
    cadence: text(sent.cadence, initial.cadence),
    weekday: text(sent.weekday, initial.weekday),
    localTime: text(sent.localTime, initial.localTime),
    timeZone: typeof sent.timeZone === "string" ? sent.timeZone : initial.timeZone,
  };
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormAlert state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1.5">
          <label htmlFor="field-cadence" className="block text-sm font-medium text-stone-800 dark:text-stone-100">
            How often
          </label>
          <select id="field-cadence" name="cadence" defaultValue={values.cadence} className={selectClass}>
            <option value="WEEKLY">Every week</option>
            <option value="FORTNIGHTLY">Every two weeks</option>
          </select>
        </div>
        <div className="space-y-1.5">
          <label htmlFor="field-weekday" className="block text-sm font-medium text-stone-800 dark:text-stone-100">
            Day
          </label>
          <select id="field-weekday" name="weekday" defaultValue={values.weekday} className={selectClass}>
            {WEEKDAYS.map((day, index) => (
              <option key={day} value={String(index + 1)}>
                {day}
              </option>
            ))}
          </select>
        </div>
        <InputField name="localTime" label="Time" type="time" required defaultValue={values.localTime} errors={errors.localTime} />
        <TimeZoneInput value={values.timeZone} errors={errors.timeZone} hint="The check-in keeps this zone's clock across daylight-saving changes. Type a city to search." />
      </div>
      <SubmitButton pendingLabel="Saving…">Save the check-in</SubmitButton>
    </form>
  );
}

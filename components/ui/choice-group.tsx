import type { ReactNode } from "react";
import type { Choice } from "@/lib/content/guidance";
import { describedBy, FieldError, fieldErrorId } from "./field-error";

type ChoiceGroupProps = {
  name: string;
  legend: string;
  /** Said once for the whole group, under its legend. */
  hint?: ReactNode;
  choices: Record<string, Choice>;
  type: "radio" | "checkbox";
  /** The checked value(s). */
  selected: string | string[] | null | undefined;
  errors?: string[];
  /** For an optional single choice: the label of "none of these". */
  noneLabel?: string;
  /** What a choice posts when that is not its key (the key still names the input: `${name}-${key}`). */
  postedValues?: Partial<Record<string, string>>;
};

/** A labelled group of radio buttons or checkboxes with hints, whose error is announced with it. */
export function ChoiceGroup({ name, legend, hint, choices, type, selected, errors, noneLabel, postedValues }: ChoiceGroupProps) {
  const checked = new Set(Array.isArray(selected) ? selected : selected ? [selected] : []);
  const errorId = fieldErrorId(name, errors);
  const hintId = hint ? `${name}-group-hint` : undefined;
  const options: [string, Choice][] = [...(noneLabel ? [["", { label: noneLabel, hint: "" }] as [string, Choice]] : []), ...Object.entries(choices)];
  return (
    <fieldset className="space-y-2" aria-describedby={describedBy(hintId, errorId)}>
      <legend className="text-sm font-medium text-stone-800 dark:text-stone-100">{legend}</legend>
      {hint ? (
        <p id={hintId} className="text-sm text-stone-600 dark:text-stone-400">
          {hint}
        </p>
      ) : null}
      {options.map(([value, choice]) => {
        const id = `${name}-${value || "none"}`;
        return (
          <div key={id} className="flex items-start gap-3 rounded-lg border border-stone-200 p-3 dark:border-stone-700">
            <input
              id={id}
              type={type}
              name={name}
              value={postedValues?.[value] ?? value}
              defaultChecked={value ? checked.has(value) : checked.size === 0}
              className="mt-1 h-4 w-4 accent-teal-700"
              aria-describedby={choice.hint ? `${id}-hint` : undefined}
            />
            <label htmlFor={id} className="text-sm">
              <span className="font-medium">{choice.label}</span>
              {choice.hint ? (
                <span id={`${id}-hint`} className="block text-stone-600 dark:text-stone-400">
                  {choice.hint}
                </span>
              ) : null}
            </label>
          </div>
        );
      })}
      <FieldError id={errorId} errors={errors} />
    </fieldset>
  );
}

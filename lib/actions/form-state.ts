/** What a form's server action answers: nothing yet, field errors to show, or success. */
export type FormState =
  | { status: "idle" }
  | {
      status: "error";
      message: string;
      fieldErrors: Partial<Record<string, string[]>>;
      values: FormValues;
    }
  | { status: "ok"; message: string; data?: Record<string, string> };

/** A form's text fields; a name sent more than once (a group of checkboxes) becomes a list. */
export type FormValues = Record<string, string | string[]>;

export const IDLE: FormState = { status: "idle" };

export function formError(message: string, values: FormValues = {}): FormState {
  return { status: "error", message, fieldErrors: {}, values };
}

export function formValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const name of new Set(formData.keys())) {
    if (name.startsWith("$ACTION")) continue;
    const texts = formData.getAll(name).filter((value): value is string => typeof value === "string");
    if (texts.length === 1) values[name] = texts[0] as string;
    else if (texts.length > 1) values[name] = texts;
  }
  return values;
}

/**
 * The sent fields a form shows again after an error, and no others: what comes back in an
 * action's answer must never include a password or any field not meant to be shown.
 */
export function redisplayed(values: FormValues, names: readonly string[]): FormValues {
  return Object.fromEntries(names.flatMap((name) => (values[name] === undefined ? [] : [[name, values[name]]])));
}

/** The single text a field was sent with, for echoing it back into a form. */
export function textValue(values: FormValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

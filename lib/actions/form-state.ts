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

/** Fields never sent back to the browser, even into the form they came from. */
const SECRET_FIELD = /password/i;

/** What a form may show again after a failed attempt: everything typed, except secrets. */
export function echoedValues(values: FormValues): FormValues {
  return Object.fromEntries(Object.entries(values).filter(([name]) => !SECRET_FIELD.test(name)));
}

/**
 * The answer to an attempt that failed for a reason that is not the person's: the database or
 * the mail server is away, or the app could not be reached. What they typed comes back.
 */
export const UNAVAILABLE_MESSAGE =
  "This could not be saved just now: the app is having trouble on its side. What you wrote is still here, so please try again in a moment.";

export function unavailable(values: FormValues): FormState {
  return formError(UNAVAILABLE_MESSAGE, echoedValues(values));
}

/** The browser's answer when the request itself failed: it may or may not have arrived. */
export const UNREACHABLE_MESSAGE =
  "The app could not be reached, so this may not have been saved. What you wrote is still here: please try again in a moment.";

/** The single text a field was sent with, for echoing it back into a form. */
export function textValue(values: FormValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

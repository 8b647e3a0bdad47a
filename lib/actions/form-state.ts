/** What a form's server action answers: nothing yet, field errors to show, or success. */
export type FormState =
  | { status: "idle" }
  | {
      status: "error";
      message: string;
      fieldErrors: Partial<Record<string, string[]>>;
      values: Record<string, string>;
    }
  | { status: "ok"; message: string };

export const IDLE: FormState = { status: "idle" };

export function formError(message: string, values: Record<string, string> = {}): FormState {
  return { status: "error", message, fieldErrors: {}, values };
}

/** A form's text fields as a plain object; files and repeated names are not part of any form here. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value === "string" && !name.startsWith("$ACTION")) values[name] = value;
  }
  return values;
}

/** The id of a field's error message, when it has errors to show. */
export function fieldErrorId(fieldId: string, errors: string[] | undefined): string | undefined {
  return errors?.length ? `${fieldId}-error` : undefined;
}

/** An aria-describedby value from the ids that apply (a hint, an error), or none. */
export function describedBy(...ids: (string | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(" ") || undefined;
}

/** A field's error message, referenced by the field's aria-describedby so it is announced with it. */
export function FieldError({ id, errors }: { id: string | undefined; errors: string[] | undefined }) {
  if (!id || !errors?.length) return null;
  return (
    <p id={id} className="text-sm font-medium text-rose-700 dark:text-rose-300">
      {errors.join(" ")}
    </p>
  );
}

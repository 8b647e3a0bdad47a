export type ButtonTone = "primary" | "secondary" | "danger";

// Whole class names, never built from parts: Tailwind generates only the names it finds in the source.
const classes: Record<ButtonTone, string> = {
  primary: "button button-primary",
  secondary: "button button-secondary",
  danger: "button button-danger",
};

/** A button's classes: its shape and one of three looks, defined in app/globals.css. */
export function buttonClass(tone: ButtonTone = "primary"): string {
  return classes[tone];
}

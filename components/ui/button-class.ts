export type ButtonTone = "primary" | "secondary" | "danger";

const tones: Record<ButtonTone, string> = {
  // The same fills in dark mode: white on a lighter teal or rose falls below 4.5:1 contrast.
  primary: "bg-teal-700 text-white hover:bg-teal-800",
  secondary:
    "border border-stone-300 bg-white text-stone-800 hover:bg-stone-100 dark:border-stone-600 dark:bg-stone-900 dark:text-stone-100 dark:hover:bg-stone-800",
  danger: "bg-rose-700 text-white hover:bg-rose-800",
};

export function buttonClass(tone: ButtonTone = "primary"): string {
  return `inline-flex min-h-11 items-center justify-center rounded-lg px-4 py-2 text-sm font-semibold shadow-sm transition-colors aria-disabled:cursor-wait aria-disabled:opacity-70 ${tones[tone]}`;
}

/** The signed-in sections, in the order the header lists them. */
export const SIGNED_IN_LINKS = [
  { href: "/", label: "Home" },
  { href: "/notes", label: "My space" },
  { href: "/summaries", label: "Summaries" },
  { href: "/shared", label: "Shared" },
  { href: "/plan", label: "Plan" },
  { href: "/check-ins", label: "Check-ins" },
  { href: "/couple", label: "Partner" },
  { href: "/account", label: "Account" },
] as const;

/** On a phone, the bar at the foot of the screen holds these; the rest are under "More". */
export const PHONE_BAR_HREFS: readonly string[] = ["/", "/notes", "/shared", "/plan"];

/** Whether `href` is the section `pathname` is in. Home is only itself. */
export function isInSection(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * Next.js ends a request early by throwing: redirect() and notFound() throw errors carrying a
 * `digest`. These helpers turn such a throw into something a test can assert on.
 */
export type Outcome<T> =
  | { kind: "returned"; value: T }
  | { kind: "redirect"; url: string }
  | { kind: "not-found" };

function digestOf(error: unknown): string | null {
  if (typeof error !== "object" || error === null || !("digest" in error)) return null;
  return typeof error.digest === "string" ? error.digest : null;
}

export async function outcomeOf<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { kind: "returned", value: await run() };
  } catch (error) {
    const digest = digestOf(error);
    // "NEXT_REDIRECT;<type>;<url>;<status>;"
    if (digest?.startsWith("NEXT_REDIRECT;")) return { kind: "redirect", url: digest.split(";").slice(2, -2).join(";") };
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return { kind: "not-found" };
    throw error;
  }
}

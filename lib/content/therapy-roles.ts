import type { Choice } from "./guidance";

/** The answers to "Who is in therapy?", each read by the person about themselves. */
export const THERAPY_ROLES = {
  ME: { label: "I'm in therapy", hint: "Home starts with your private notes." },
  PARTNER: { label: "My partner is", hint: "Home starts with how to receive what your partner chooses to share." },
  BOTH: { label: "We both are", hint: "Home starts with your private notes, and how to receive what is shared." },
} as const satisfies Record<string, Choice>;

export const THERAPY_ROLE_PRIVACY = "Only you see this answer; your partner never does. Change it whenever you like.";

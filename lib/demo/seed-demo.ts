import { registerUser } from "@/lib/auth/accounts";
import type { Db } from "@/lib/db/types";
import { createNote } from "@/lib/data/notes";

/** The demo couple's accounts, for people trying the app. Everyone knows this password. */
export const DEMO_PASSWORD = "demo-password-1";

export const DEMO_PARTNERS = [
  { displayName: "Sam", email: "sam@demo.example" },
  { displayName: "Alex", email: "alex@demo.example" },
] as const;

const SAM_NOTES = [
  {
    title: "Noticing the shutdown",
    body: "When a conversation heats up I go quiet and leave the room. Today we traced it back to how arguments went at home growing up. I want to try naming it out loud instead: \"I'm flooded, I need ten minutes.\"",
    workingOn: "Staying present when things get tense",
    sessionDate: new Date("2026-11-18T00:00:00.000Z"),
  },
  {
    title: "Work stress, not us",
    body: "Realised a lot of my irritability lately is the deadline at work, and I have been bringing it home.",
    workingOn: null,
    sessionDate: null,
  },
];

/**
 * Creates the demo couple's accounts and a few private notes. Touches nothing that exists:
 * an account already there is left exactly as it is.
 */
export async function seedDemo(db: Db): Promise<{ created: string[] }> {
  const created: string[] = [];
  for (const partner of DEMO_PARTNERS) {
    const result = await registerUser(db, { ...partner, password: DEMO_PASSWORD });
    if (!result.ok) continue;
    created.push(partner.email);
    if (partner.displayName === "Sam") {
      for (const note of SAM_NOTES) await createNote({ db, userId: result.user.id }, note);
    }
  }
  return { created };
}

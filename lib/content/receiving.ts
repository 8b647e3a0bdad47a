import type { Choice } from "./guidance";
import type { PartnerReply, ResponseWish, ShareIntent } from "@/lib/generated/prisma/enums";

/**
 * How to receive what a partner shares from their therapy, after the article in the brief
 * (Romanoff): the choice to share is theirs, in their own time and depth, and can change.
 */
export const RECEIVING_GUIDANCE = [
  { label: "Let them choose", hint: "Sharing comes from the person in therapy, never from being asked. Your partner picks what, when and how much." },
  { label: "A little is a lot", hint: "A headline or a gist is a real gift. It does not mean more is being kept from you." },
  { label: "Listen first", hint: "Each shared item says how your partner hopes you will respond. Start there, and keep questions for later." },
  { label: "Leave the therapist out of it", hint: "Do not ask what the therapist said about you, or use it in an argument. The therapy is not a threat to you." },
  { label: "No score, no precedent", hint: "Sharing once is not a promise to keep sharing. A quiet week is not about you." },
] as const;

/**
 * What the author asks of the partner when sharing (C11): the choice on the share step, and
 * the sentence the partner reads on the card. Sharing is never, by itself, asking to discuss.
 */
export const SHARE_INTENTS: Record<ShareIntent, Choice & { sentence: (authorName: string) => string }> = {
  JUST_SO_YOU_KNOW: {
    label: "Just so you know",
    hint: "Nothing is asked of your partner: no reply needed, nothing planned. You can still put it on the agenda later.",
    sentence: (authorName) => `${authorName} is sharing this just so you know — there's nothing you need to do.`,
  },
  LETS_TALK: {
    label: "Let's talk about it",
    hint: "It goes on your conversation plan, so you can talk it through together next time you sit down.",
    sentence: (authorName) => `${authorName} would like to talk about this together.`,
  },
};

/** How to receive an item, following the way its author hopes you will respond (their response wish). */
export const RECEIVE_BY_WISH: Record<ResponseWish | "NONE", string> = {
  JUST_LISTEN:
    "Just listening looks like this: let them finish, say back what you heard, and hold your advice. Being heard is the whole point.",
  YOUR_VIEW:
    "They would like your honest view. Say how it lands for you, kindly and in your own words: your view, not a verdict.",
  THINK_IT_THROUGH:
    "They would like to think it through with you. Ask what would help, wonder aloud together, and let them lead. It need not be settled in one go.",
  NONE: "Not sure how to respond? Listening first is always a good start.",
};

/** Short reminders on every card a partner receives, from the article's advice. */
export const RECEIVING_DONTS = [
  "Don't ask about the therapist or what they said.",
  "Don't keep score: this is not a promise to share more.",
  "No need to fix anything.",
] as const;

/** The partner's reply to a shared item: a few warm, fixed words (no free text, so no pressure to write more). */
export const PARTNER_REPLIES: Record<PartnerReply, string> = {
  THANK_YOU: "Thank you for telling me.",
  GLAD_YOU_SHARED: "I'm glad you shared this with me.",
  HERE_WHEN_READY: "I'm here whenever you want to talk.",
};

/** What the partner reads once the author has answered their request to talk without putting it on the agenda: one neutral line, never a why. */
export const TALK_REQUEST_KEPT = (authorName: string) => `${authorName} is keeping this as just so you know for now.`;

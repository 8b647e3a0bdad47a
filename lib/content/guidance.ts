/**
 * The product's own words for the sharing and check-in screens. The ideas follow the
 * article credited on the About page; the wording is ours.
 *
 * Copy keyed by a Prisma enum is typed as a Record over that enum, so adding a member to
 * the schema without writing its copy is a type error.
 */
import type { ResponseWish, ShareReason, SummaryDepth, SummaryFraming } from "@/lib/generated/prisma/enums";

export type Choice = { label: string; hint: string };

/** "Why I want to share": label shown to both partners, hint to the author while choosing. */
export const SHARE_REASONS: Record<ShareReason, Choice> = {
  BROACH_A_TOPIC: {
    label: "To bring up something hard",
    hint: "A subject you've struggled to raise, and therapy has given you a way in.",
  },
  PROCESS_A_BREAKTHROUGH: {
    label: "To talk through a breakthrough",
    hint: "Something clicked, and saying it out loud to someone close may help it settle.",
  },
  FEEL_CLOSER: {
    label: "To feel closer",
    hint: "Letting your partner see what you're working on can build trust between you.",
  },
  DISCLOSE_A_CONDITION: {
    label: "To tell you about my mental health",
    hint: "A diagnosis or condition you'd like your partner to know about, and how you're looking after it.",
  },
};

/** Shown beside the share choices: keeping something private is a sound choice too. */
export const REASONS_NOT_TO_SHARE: readonly Choice[] = [
  {
    label: "It's about us, and I'm still sorting it out",
    hint: "Feelings about the relationship itself can be worth settling with your therapist first.",
  },
  {
    label: "It belongs to another part of my life",
    hint: "Work on family, friends or your past can stay yours alone.",
  },
  {
    label: "Sharing doesn't feel safe right now",
    hint: "If your partner resents your time in therapy or pushes for details, keeping it to yourself is reasonable.",
  },
  {
    label: "I simply don't want to",
    hint: "That is reason enough. Your notes stay private unless you decide otherwise.",
  },
];

export const DEPTHS: Record<SummaryDepth, Choice> = {
  HEADLINE: { label: "A headline", hint: "One line on what it's about, without the detail." },
  BRIEF: { label: "A short summary", hint: "The gist, in a few sentences." },
  IN_DEPTH: { label: "In depth", hint: "The fuller picture, for when you want to go into it together." },
};

/** How much was shared, said to the reader in a sentence (the article's select piece, brief summary, in depth). */
const DEPTH_SENTENCES: Record<SummaryDepth, string> = {
  HEADLINE: "shared the gist, in one line",
  BRIEF: "shared a brief summary",
  IN_DEPTH: "shared this in depth",
};

export function depthSentence(authorName: string, depth: SummaryDepth): string {
  return `${authorName} ${DEPTH_SENTENCES[depth]}.`;
}

export const FRAMINGS: Record<SummaryFraming, Choice> = {
  CONTENT_ONLY: {
    label: "Just the content",
    hint: "Share the idea itself. There's no need to say where it came from.",
  },
  THERAPY_WORK: {
    label: "Something I'm working on in therapy",
    hint: "Let your partner know it matters to you because you've spent time on it in therapy.",
  },
};

/** "How I'd like you to respond": the label is what the partner reads; the hint guides the author. */
export const RESPONSE_WISHES: Record<ResponseWish, Choice> = {
  JUST_LISTEN: { label: "Just listen", hint: "Ask your partner to hear you out, with no fixing or advice." },
  YOUR_VIEW: { label: "Tell me your view", hint: "Invite your partner's honest take." },
  THINK_IT_THROUGH: { label: "Help me think it through", hint: "Ask to work through it together." },
};

/** The pause before sharing (consent rule C6). Keys match the answers stored with the consent. */
export const REFLECTION_QUESTIONS = {
  ownChoice: {
    label: "This is my own choice.",
    hint: "I want to share it. I don't owe it, and nobody pressed me to.",
  },
  aboutMe: {
    label: "This is about me and my feelings, not a verdict on my partner.",
    hint: "It speaks for my own experience; it doesn't bring in my therapist to settle who is right.",
  },
  howMuch: {
    label: "How much do I want to share?",
    hint: "A headline is plenty if that's all that feels right.",
  },
} as const satisfies Record<string, Choice>;

/** The weekly check-in template for the conversation plan, in its usual order. */
export const CHECK_IN_TOPICS: readonly Choice[] = [
  { label: "Appreciations", hint: "Each of you names something the other did that you valued." },
  { label: "What went well", hint: "A moment from the week that felt good between you." },
  {
    label: "One issue, heard first",
    hint: "Pick one thing. The listener says back what they heard before anyone looks for a fix.",
  },
  { label: "A plan for the week", hint: "One or two small, concrete things to try before you next sit down." },
];

/** Unsharing: the confirmation before, and the notice after. Honest that it may have been read. */
export const WITHDRAWAL_NOTICE = {
  confirm:
    "Unsharing removes this from everything your partner can see, straight away, including your plan. Your draft stays here, private, and you can share it again later if you want. They may already have read it.",
  done: "Unshared. Your partner can no longer see this, though they may have read it before you took it back.",
} as const;

/** After "Not now, keep it private" on the share step: nothing was sent, and nothing is owed. */
export const KEPT_PRIVATE_NOTICE = "Kept private. Nothing was shared, and your partner is not told anything. It is here whenever you want it, or never.";

export const NO_OBLIGATION =
  "Sharing once doesn't mean you have to share again. Each time is your choice, and so is never sharing at all.";

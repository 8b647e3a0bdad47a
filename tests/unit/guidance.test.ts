import { describe, expect, it } from "vitest";
import { reviewTone } from "@/lib/consent/tone-check";
import * as guidance from "@/lib/content/guidance";
import { ResponseWish, ShareReason, SummaryDepth, SummaryFraming } from "@/lib/generated/prisma/enums";

function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(stringsIn);
  return [];
}

const enumCopy = [
  ["ShareReason", ShareReason, guidance.SHARE_REASONS],
  ["SummaryDepth", SummaryDepth, guidance.DEPTHS],
  ["SummaryFraming", SummaryFraming, guidance.FRAMINGS],
  ["ResponseWish", ResponseWish, guidance.RESPONSE_WISHES],
] as const;

const toneSuggestions = ["My therapist thinks you're projecting.", "You never listen.", "My therapist says it's your fault."].map(
  (phrase) => reviewTone(phrase).suggestion,
);

const allCopy = [...stringsIn(guidance), ...stringsIn(toneSuggestions)];

// Distinctive wording from the source article; the product must say these things its own way.
const articlePhrases = [
  "pull rank",
  "pulling rank",
  "ganging up",
  "validate their stance",
  "centric to you",
  "keep an open door",
  "triangulated into relationships",
  "precedent on sharing",
  "broach difficult topics",
  "process your gains",
  "promote closeness",
  "most vulnerable self",
  "select piece of information",
  "take precedence over the fact",
  "out of a sense of obligation",
  "highly personal decision",
  "therapy is a private space",
  "deepest fears and most intimate thoughts",
  "question your motives",
  "feel coerced",
];

describe("guidance copy", () => {
  it.each(enumCopy)("has a label and a hint for every %s member, and nothing else", (_name, members, copy) => {
    expect(Object.keys(copy).sort()).toEqual(Object.values(members).sort());
    for (const choice of Object.values(copy)) {
      expect(choice.label.trim()).not.toBe("");
      expect(choice.hint.trim()).not.toBe("");
    }
  });

  it("offers three or four reasons not to share", () => {
    expect(guidance.REASONS_NOT_TO_SHARE.length).toBeGreaterThanOrEqual(3);
    expect(guidance.REASONS_NOT_TO_SHARE.length).toBeLessThanOrEqual(4);
  });

  it("asks the three reflection questions, each with a hint", () => {
    expect(Object.keys(guidance.REFLECTION_QUESTIONS).sort()).toEqual(["aboutMe", "howMuch", "ownChoice"]);
    for (const question of Object.values(guidance.REFLECTION_QUESTIONS)) expect(question.hint).not.toBe("");
  });

  it("lays out the weekly check-in as appreciations, what went well, one issue, then a plan", () => {
    expect(guidance.CHECK_IN_TOPICS.map((topic) => topic.label)).toEqual([
      "Appreciations",
      "What went well",
      "One issue, heard first",
      "A plan for the week",
    ]);
  });

  it("tells the author honestly that an unshared item may already have been read", () => {
    expect(guidance.WITHDRAWAL_NOTICE.confirm).toMatch(/may already have read/i);
    expect(guidance.WITHDRAWAL_NOTICE.done).toMatch(/may have read/i);
  });

  it("finds copy to check", () => {
    expect(allCopy.length).toBeGreaterThan(40);
  });

  it("never names the article's outlet", () => {
    for (const text of allCopy) expect(text).not.toMatch(/verywell/i);
  });

  it.each(articlePhrases)("does not quote the article's %j", (phrase) => {
    for (const text of allCopy) expect(text.toLowerCase().replace(/[’]/g, "'")).not.toContain(phrase);
  });
});

import { describe, expect, it } from "vitest";
import { reviewTone, toneTriggers, type ToneReason } from "@/lib/consent/tone-check";

const AUTHORITY: ToneReason = "therapist-as-authority";
const ACCUSATION: ToneReason = "accusation";

const flagged: Array<[phrase: string, reasons: ToneReason[]]> = [
  // The professional as the authority on the partner.
  ["My therapist says you have some things to work on.", [AUTHORITY]],
  ["Even my therapist agrees you're being unfair.", [AUTHORITY, ACCUSATION]],
  ["Even my therapist thinks so.", [AUTHORITY]],
  ["My counselor thinks you're part of the reason we argue.", [AUTHORITY]],
  ["According to my therapist, you have an avoidant attachment style.", [AUTHORITY]],
  ["My therapist told me you are emotionally immature.", [AUTHORITY, ACCUSATION]],
  ["my THERAPIST   says\n you   should come to a session", [AUTHORITY]],
  ["My counsellor reckons you’re not ready to hear this.", [AUTHORITY]],
  ["My psychologist said that you might have ADHD.", [AUTHORITY]],
  ["My shrink thinks you're projecting.", [AUTHORITY]],
  ["My doctor says your drinking is what's wrong here.", [AUTHORITY]],
  ["Dr. Patel says that your moods drag me down.", [AUTHORITY]],
  ["My therapist agrees with me about your mother.", [AUTHORITY]],
  ["My therapist is on my side on this one.", [AUTHORITY]],
  ["In my therapist's opinion, you need firmer boundaries with work.", [AUTHORITY]],
  ["My psychiatrist diagnosed you as having anger issues.", [AUTHORITY]],
  ["My therapist and I both think you overreact.", [AUTHORITY]],
  ["My couples counsellor says it's your fault.", [AUTHORITY, ACCUSATION]],
  ["My therapist, Dana, says you have trouble with intimacy.", [AUTHORITY]],
  ["My therapist's view is that you're holding us back.", [AUTHORITY]],
  ["My therapist would say you're deflecting right now.", [AUTHORITY]],
  ["My therapist says: “you need to take a hard look at yourself”.", [AUTHORITY]],
  // Accusing the partner.
  ["You always leave me to do everything.", [ACCUSATION]],
  ["You never ask how my day was.", [ACCUSATION]],
  ["It's your fault we're in this mess.", [ACCUSATION]],
  ["This is all your fault.", [ACCUSATION]],
  ["You make me feel worthless.", [ACCUSATION]],
  ["Because of you, I can't trust anyone.", [ACCUSATION]],
  ["You're so selfish.", [ACCUSATION]],
  ["You are so controlling about money.", [ACCUSATION]],
  ["You need to change.", [ACCUSATION]],
  ["You’re ALWAYS on your phone.", [ACCUSATION]],
  ["you\nnever\nhelp with the kids", [ACCUSATION]],
  ["Honestly, you're being really dismissive.", [ACCUSATION]],
  ["I feel like you never listen.", [ACCUSATION]],
  ["You don't care about me.", [ACCUSATION]],
  ["You do not listen to a word I say.", [ACCUSATION]],
  ["You keep ignoring what I say.", [ACCUSATION]],
  ["What is wrong with you?", [ACCUSATION]],
  ["You ruined our anniversary.", [ACCUSATION]],
  ["You're the problem here.", [ACCUSATION]],
  ["You have to stop criticising me.", [ACCUSATION]],
  ["You should apologise for last night.", [ACCUSATION]],
  ["You only care about yourself.", [ACCUSATION]],
  ["You've never once supported my career.", [ACCUSATION]],
  ["You made me cry in front of your parents.", [ACCUSATION]],
  ["Youre so lazy", [ACCUSATION]],
  ["You always help, but you never listen.", [ACCUSATION]],
  ["You always make me laugh, but you never take me seriously.", [ACCUSATION]],
  ["Why do you always walk away when I'm talking?", [ACCUSATION]],
  ["The real problem is you.", [ACCUSATION]],
  ["You're gaslighting me.", [ACCUSATION]],
  ["Your behaviour last night was unacceptable.", [ACCUSATION]],
  ["My GP says you snore because you're stressed.", [AUTHORITY]],
  ["My therapist helped me realise you're controlling.", [AUTHORITY, ACCUSATION]],
  ["You always think you know best.", [ACCUSATION]],
  ["I had a good session today.\n\nYou are being so judgemental lately", [ACCUSATION]],
];

const unflagged: string[] = [
  "My therapist helped me notice I shut down when I'm tired.",
  "I talked with my therapist about how I feel when we argue.",
  "I feel lonely when you work late.",
  "I never told you this, but I was scared of losing you.",
  "You always make me laugh.",
  "You never fail to support me.",
  "My therapist says you're doing great.",
  "My therapist said you're welcome to join a session if you ever want to.",
  "My therapist thinks it would help if I told you more about my week.",
  "My therapist said I should tell you how I feel.",
  "My counsellor suggested I write down what I'd like to say to you.",
  "My therapist suggested you and I try a weekly check-in.",
  "I've been working with my psychologist on my anxiety.",
  "My doctor says I need more sleep.",
  "My therapist agrees with me that I need more rest.",
  "The doctor says it's nothing serious, so please don't worry.",
  "Even my doctor was surprised how quickly I recovered.",
  "My shrink jokes that I overthink everything.",
  "It's not your fault that I've been struggling.",
  "None of this is your fault.",
  "I don't blame you for being tired.",
  "I'm a better person because of you.",
  "Because of you, I feel safe talking about this.",
  "Do you always work late on Fridays?",
  "I hope you never feel you have to carry this alone.",
  "You're not selfish for needing space.",
  "I always worry that I'm too much for you.",
  "I never know how to start these conversations.",
  "When you hug me after a hard day, I feel calmer.",
  "I notice that I get defensive when I feel criticised.",
  "Thank you for always being there for me.",
  "You’ve always been so patient with me.",
  "You never judge me when I cry.",
  "You make me feel safe.",
  "I need to change how I react when I'm stressed.",
  "You're the reason I smile every morning.",
  "I felt hurt when you cancelled our plans, and I'd like to talk about it.",
  "I'm working on not blaming you for things that are mine to carry.",
  "You always know how to cheer me up, and I love that.",
  "My therapist asked how you were doing.",
  "My therapist says your support means a lot to me, and I agree.",
  "You made me a cup of tea when I was upset, and it meant a lot.",
  "You always seem tired after work, and I worry about you.",
  "My therapist thinks your mum's comments hurt me more than I admitted.",
  "My therapist says you're not the problem.",
  "Even my therapist could see how hard you've been trying.",
  "You don't have to fix anything, just listen.",
  "Have you always wanted kids?",
  "I promise you'll never have to guess how I feel again.",
  "",
];

describe("reviewTone", () => {
  it.each(flagged)("suggests rephrasing %j (%j)", (phrase, reasons) => {
    const review = reviewTone(phrase);
    expect(review.reasons).toEqual(reasons);
    expect(review.suggest).toBe(true);
    expect(review.suggestion).toEqual(expect.any(String));
  });

  it.each(unflagged)("leaves %j alone", (phrase) => {
    expect(reviewTone(phrase)).toEqual({ suggest: false, reasons: [], suggestion: null });
  });

  it("finds a charge buried in a longer, otherwise self-focused summary", () => {
    const summary = [
      "This week I worked on noticing when I go quiet.",
      "I realised it often happens after long days.",
      "My therapist says you don't respect my need for rest.",
      "I'd like us to find a way to talk about evenings.",
    ].join(" ");
    expect(reviewTone(summary).reasons).toEqual([AUTHORITY, ACCUSATION]);
  });

  it("invites the author to speak from their own feelings and says plainly they may keep their wording", () => {
    for (const phrase of ["My therapist thinks you're projecting.", "You never listen.", "My therapist says it's your fault."]) {
      const { suggestion } = reviewTone(phrase);
      expect(suggestion).toMatch(/your own|how it feels for you|your own feelings/i);
      expect(suggestion).toMatch(/free to share it as it is/i);
    }
  });

  it("words the suggestion for what it found", () => {
    const authority = reviewTone("My therapist thinks you're projecting.").suggestion;
    const accusation = reviewTone("You never listen.").suggestion;
    const both = reviewTone("My therapist says it's your fault.").suggestion;
    expect(new Set([authority, accusation, both]).size).toBe(3);
    expect(authority).toMatch(/therapist/);
    expect(accusation).not.toMatch(/therapist/);
  });
});

describe("the words that set the check off, for marking them while the author writes", () => {
  it.each<[text: string, triggers: string[]]>([
    ["You are always late and you never listen.", ["You are always", "you never"]],
    ["My therapist says you’re selfish.", ["My therapist says you", "you’re selfish"]],
    ["Dr. Patel says that your moods drag me down.", ["Dr. Patel says that your"]],
    ["You do not care about me.", ["You do not care"]],
  ])("%s marks %j, as written", (text, triggers) => {
    expect(toneTriggers(text)).toEqual(triggers);
  });

  it.each(flagged)("every flagged text marks words that stand in it as typed: %s", (text) => {
    const triggers = toneTriggers(text);
    expect(triggers.length).toBeGreaterThan(0);
    for (const trigger of triggers) expect(text.normalize("NFKC")).toContain(trigger);
  });

  it.each(["You always make me laugh.", "I feel lonely when you work late.", "My therapist helped me notice I shut down."])(
    "marks nothing where the check suggests nothing: %s",
    (text) => {
      expect(reviewTone(text).suggest).toBe(false);
      expect(toneTriggers(text)).toEqual([]);
    },
  );
});

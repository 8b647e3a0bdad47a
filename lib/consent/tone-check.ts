/**
 * Tone check for summaries (consent rule C8).
 *
 * Flags two ways a share can turn against the partner: citing a therapist (or another
 * professional) as the authority on the partner, and accusing the partner. The result is
 * only ever a suggestion; the author may share their words unchanged.
 *
 * Decisions on the judgement calls:
 * - Appreciation does not trigger, even in an accusation's shape: "you always make me
 *   laugh", "you never fail to support me", "I'm calmer because of you". A clause counts as
 *   appreciation when it holds a warm word and no negation, contrast or blame word
 *   (double negatives such as "never let me down" or "not your fault" count as warm).
 * - A professional's favourable view of the partner does not trigger ("my therapist says
 *   you're doing great", "...said you're welcome to join a session"): it praises or invites
 *   rather than overrules. A professional's critique of, or instruction for, the partner
 *   does ("my therapist thinks you should come to a session"), as does claiming the
 *   professional's support for one's side ("even my therapist agrees", "my counsellor is on
 *   my side").
 * - Self-focused sentences never trigger, even when they mention the professional or the
 *   partner ("my therapist helped me notice I shut down", "I feel lonely when you work
 *   late"). An accusation wrapped in "I feel like" still triggers ("I feel like you never
 *   listen").
 * - Plain questions ("Do you always work late on Fridays?") and wishes ("I hope you never
 *   feel alone") are not accusations; "Why do you always...?" is.
 */

export type ToneReason = "therapist-as-authority" | "accusation";

export type ToneReview = {
  suggest: boolean;
  reasons: ToneReason[];
  suggestion: string | null;
};

const REASON_ORDER: readonly ToneReason[] = ["therapist-as-authority", "accusation"];

const FREE_TO_KEEP = "You're free to share it as it is: the wording is yours.";

const SUGGESTIONS: Record<"therapist-as-authority" | "accusation" | "both", string> = {
  "therapist-as-authority": `This may read as though your therapist is weighing in on your partner. They may find it easier to hear if you say, in your own voice, what you noticed and how it feels to you. ${FREE_TO_KEEP}`,
  accusation: `Some of this may land as a charge against your partner rather than news about you. You could try saying how it feels for you and what you'd like, for example "I feel … when …". ${FREE_TO_KEEP}`,
  both: `This may read as though your therapist is on your side against your partner, and parts of it may land as a charge. They may find it easier to hear if you speak about your own feelings and what you'd like. ${FREE_TO_KEEP}`,
};

export function reviewTone(text: string): ToneReview {
  const found = new Set<ToneReason>();
  for (const sentence of sentences(normalise(text))) {
    for (const detector of DETECTORS) {
      if (!found.has(detector.reason) && detector.fires(sentence)) found.add(detector.reason);
    }
  }
  const reasons = REASON_ORDER.filter((reason) => found.has(reason));
  return { suggest: reasons.length > 0, reasons, suggestion: suggestionFor(reasons) };
}

/**
 * The words that set the check off, as the author wrote them, for marking while they write.
 * Each is found again in the original text; where normalising changed it beyond recognition,
 * the normalised words are given instead.
 */
export function toneTriggers(text: string): string[] {
  const found = new Set<string>();
  for (const sentence of sentences(normalise(text))) {
    for (const detector of DETECTORS) for (const phrase of detector.triggers(sentence)) found.add(asWritten(text, phrase));
  }
  return [...found];
}

// The spellings normalise() folds into one, unfolded again so a phrase can be found as typed.
const WRITTEN_VARIANTS: [RegExp, string][] = [
  [/^you're$/, "you(?:'re|re|\\s+are)"],
  [/^you've$/, "you(?:'ve|\\s+have)"],
  [/^it's$/, "it(?:'s|\\s+is)"],
  [/^what's$/, "what(?:'s|\\s+is)"],
  [/^can't$/, "can(?:'?t|\\s*not)"],
  [/^(\w+)n't$/, "$1(?:n'?t|\\s+not)"],
  [/^dr$/, "dr\\.?"],
];

function asWritten(text: string, phrase: string): string {
  const words = phrase.split(" ").map((word) => {
    const variant = WRITTEN_VARIANTS.find(([pattern]) => pattern.test(word));
    const pattern = variant ? word.replace(variant[0], variant[1]) : word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return pattern.replaceAll("'", "['\u2018\u2019\u201a\u201b\u2032\u02bc`\u00b4]").replaceAll('"', '["\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]');
  });
  const written = new RegExp(words.join("\\s+"), "iu").exec(text.normalize("NFKC"));
  return written ? written[0] : phrase;
}

function suggestionFor(reasons: readonly ToneReason[]): string | null {
  if (reasons.length === 0) return null;
  if (reasons.length > 1) return SUGGESTIONS.both;
  return SUGGESTIONS[reasons[0]!];
}

// One spelling for each variant a person might type, so the patterns stay readable.
function normalise(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, "")
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u02bc\u00b4`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/g, '"')
    .replace(/\bdr\./g, "dr")
    .replace(/\byou\s+are\b/g, "you're")
    .replace(/\byoure\b/g, "you're")
    .replace(/\byou\s+have\s+(always|never)\b/g, "you've $1")
    .replace(/\bit\s+is\b/g, "it's")
    .replace(/\bits\s+your\b/g, "it's your")
    .replace(/\bwhat\s+is\b/g, "what's")
    .replace(/\b(do|does|did|is|was|are|were|would|could|should)\s+not\b/g, "$1n't")
    .replace(/\bcan\s*not\b/g, "can't")
    .replace(/\bdont\b/g, "don't")
    .replace(/\bdoesnt\b/g, "doesn't");
}

// Sentences end at . ! ? ; … or a blank line; a single line break is just a space.
function sentences(text: string): string[] {
  return text
    .split(/[.!?;…]+|\n\s*\n/)
    .map((part) => part.replace(/\s+/g, " ").trim())
    .filter((part) => part.length > 0);
}

// A comma ends a clause unless what follows carries the same thought on ("..., but you never").
function clauseFrom(sentence: string, start: number): string {
  const rest = sentence.slice(start);
  const cut = /,(?!\s*(?:but|and|yet|though|although|except|which|so|or|while|because)\b)/.exec(rest);
  return cut ? rest.slice(0, cut.index) : rest;
}

// Double negatives that read as warmth: "never let me down", "not your fault".
const WARM_DOUBLE_NEGATIVES =
  /\b(?:never|not|no longer|n't)\s+(?:once\s+|ever\s+)?(?:fails?|failed|forgets?|forgot|let me down|lets me down|gives? up|gave up|judges?|judged|complains?|complained|hesitates?|hesitated|doubts?|doubted|holds? it against me)\b|(?:\bnot|\bnever|\bno longer|n't)\s+(?:(?:feel|felt|am|was|'m|be)\s+)?(?:so\s+)?(?:alone|lonely|judged|unsafe|small|invisible|unheard|ashamed)\b|(?:\bnot|\bnever|n't)\s+(?:(?:all|entirely|really|just|at all)\s+)?(?:your fault|the problem|to blame|at fault|a burden|blame you)\b|\b(?:none of (?:this|it|that) (?:is|was)|no one's|nobody's) (?:your )?fault\b/g;

const WARM_WORDS =
  /\b(?:laugh|laughs|smile|smiles|happy|happier|happiest|safe|safer|loved|love|loves|special|cared for|care about me|great|amazing|wonderful|kind|kinder|supportive|support|supported|supporting|supports|patient|thoughtful|generous|caring|loving|sweet|brilliant|lovely|helps?|helped|helping|helpful|listen|listens|listening|there for me|cheer me up|cheers me up|know how to|knows how to|believe in me|make time|remember|remembers|proud|best|good|better|(?:doing|did|done|so|really|very) well|progress|grateful|appreciate|appreciated|warm|gentle|fun|funny|lucky|strong|brave|calm|calmer|welcome|right(?! now| away| here| there)|trying|heard|understood|surprise me|surprising me|inspire|inspires|inspiring|means? (?:a lot|so much|the world)|meant (?:a lot|so much|the world)|thank|thanks|worry about you|miss you|care about you|proud of you|mean well|means well|hopeful|comfort|comforting|comfortable|grounded|valued|seen)\b/;

const NEGATIVE_TRAITS =
  "selfish|controlling|lazy|cold|distant|rude|mean(?! well| a lot| so much| the world| it)|cruel|dismissive|defensive|manipulative|toxic|narcissistic|a narcissist|abusive|needy|clingy|jealous|possessive|insensitive|inconsiderate|immature|irresponsible|arrogant|stubborn|judgemental|judgmental|passive[- ]aggressive|useless|pathetic|impossible|unbearable|unreliable|unfair|hypocritical|a hypocrite|a liar|a bully|a jerk|an idiot|crazy|paranoid|avoidant|codependent|emotionally unavailable|emotionally immature|the problem|the issue|to blame|at fault|ungrateful|entitled|condescending|patronising|patronizing|hostile|aggressive|exhausting|overbearing|self-absorbed|self-centred|self-centered|heartless|careless|thoughtless";

// Negation, contrast, blame and hostile behaviour, plus feelings that say "you diminish me".
// Ordinary feelings (sad, lonely, cry) are left out: "you never judge me when I cry" is warm.
const CHILLING =
  /\b(?:not|no|never|nothing|nobody|none|but|too|without|instead|anymore|fault|blame|blaming|criticise|criticize|criticising|criticizing|complain|complaining|nag|nagging|ignore|ignores|ignoring|ignored|interrupt|interrupts|interrupting|yell|yelling|shout|shouting|mock|mocking|laugh at me|angry|furious|stupid|worthless|small|guilty|crazy|unsafe|invisible|unheard|miserable|awful|terrible|sick of|tired of|know best|better than (?:me|everyone|anyone)|over me|control|argue|arguing|fight|fights|fighting)\b|n't\b/;

const NEGATIVE_TRAIT_WORDS = new RegExp(`\\b(?:${NEGATIVE_TRAITS})\\b`);

function isAppreciation(clause: string): boolean {
  const rest = clause.replace(WARM_DOUBLE_NEGATIVES, " ");
  if (CHILLING.test(rest) || NEGATIVE_TRAIT_WORDS.test(rest)) return false;
  return rest !== clause || WARM_WORDS.test(rest);
}

type Detector = { reason: ToneReason; fires: (sentence: string) => boolean; triggers: (sentence: string) => string[] };

type PatternRule = {
  pattern: RegExp;
  // "always": the match alone is enough; "clause": unless the clause from the match on is
  // appreciation; "sentence": unless the whole sentence is.
  unless: "always" | "clause" | "sentence";
  // Text before the match that makes it something other than a charge (a question, a wish).
  excusedBy?: (before: string, sentence: string) => boolean;
};

function counts(sentence: string, match: RegExpExecArray, { unless, excusedBy }: PatternRule): boolean {
  const start = match.indices?.groups?.about?.[0] ?? match.index;
  if (excusedBy?.(sentence.slice(0, match.index), sentence)) return false;
  if (unless === "always") return true;
  return !isAppreciation(unless === "sentence" ? sentence : clauseFrom(sentence, start));
}

function ruleDetector(reason: ToneReason, rules: readonly PatternRule[]): Detector {
  return {
    reason,
    fires: (sentence) => rules.some((rule) => [...sentence.matchAll(rule.pattern)].some((match) => counts(sentence, match, rule))),
    triggers: (sentence) =>
      rules.flatMap((rule) =>
        [...sentence.matchAll(rule.pattern)].filter((match) => counts(sentence, match, rule)).map((match) => match[0].replace(/^[\s:,"\-–—]+|[\s:,"\-–—]+$/g, "")),
      ),
  };
}

// ---------------------------------------------------------------------------------------------
// The professional as authority on the partner.

const PROFESSIONS = "(?:psycho)?therapist|psychologist|psychiatrist|counsell?or|shrink|doctor|dr|gp|(?:psycho)?analyst";
const OWNED_PROFESSIONAL = `(?:my|our|the)\\s+(?:(?:own|couples?|marriage|family|relationship)\\s+)*(?:${PROFESSIONS})\\b`;
const PROFESSIONAL = `\\b(?:${OWNED_PROFESSIONAL}|dr\\s+[a-z'-]+)`;
// "my therapist, Dana, says ..."
const NAMED = `(?:\\s*,\\s*[a-z'-]+(?:\\s+[a-z'-]+)?\\s*,)?`;
const HEDGES = `(?:\\s+(?:also|even|too|totally|completely|clearly|literally|actually|apparently|really|definitely|basically|always|would|will|has|had|did|does|just|once|immediately|pretty much|kind of|sort of))*`;
const VERDICT_VERBS =
  "says|said|say|thinks|thought|think|agrees|agreed|agree|believes|believed|feels|felt|reckons|reckoned|suspects|suspected|suggests|suggested|confirms|confirmed|points out|pointed out|notices|noticed|observed|noted|explained|mentioned|sees|saw|told me|told us|tells me|tells us|helped me (?:see|realise|realize|understand)|made me (?:see|realise|realize)|calls|called|describes|described|diagnosed|labelled|labeled|considers|considered";
// The verdict must be about the partner: not a plan for the two of you ("you and I could try"),
// nor someone else in their life ("your mum's comments hurt me").
const THIRD_PARTIES = "(?:mum|mom|mother|dad|father|parents|family|sister|brother|friends?|boss|colleagues?)(?:'s)?\\b";
const ABOUT_PARTNER = `(?<about>you\\b(?!\\s+and\\s+(?:i|me)\\b)|your\\b(?!\\s+${THIRD_PARTIES})|it's (?:all )?your\\b|the problem is you\\b)`;
const LEAD_IN = `[\\s:,"\\-–—]*(?:that\\s+)?`;
const SIDES_WITH_ME =
  "agrees with me|agreed with me|sided with me|sides with me|is on my side|was on my side|took my side|takes my side|backs me up|backed me up|is with me on this";

const professionalRules: PatternRule[] = [
  { pattern: new RegExp(`${PROFESSIONAL}${NAMED}${HEDGES}\\s+(?:${VERDICT_VERBS})${LEAD_IN}${ABOUT_PARTNER}`, "gd"), unless: "clause" },
  { pattern: new RegExp(`\\baccording to ${OWNED_PROFESSIONAL}\\s*,?\\s*${ABOUT_PARTNER}`, "gd"), unless: "clause" },
  {
    pattern: new RegExp(`\\bin ${OWNED_PROFESSIONAL}'s (?:professional )?(?:opinion|view|words|assessment)\\s*,?\\s*${ABOUT_PARTNER}`, "gd"),
    unless: "clause",
  },
  {
    pattern: new RegExp(`${PROFESSIONAL}'s (?:professional )?(?:opinion|view|take|verdict|assessment|diagnosis) (?:is|was)${LEAD_IN}${ABOUT_PARTNER}`, "gd"),
    unless: "clause",
  },
  {
    pattern: new RegExp(
      `${PROFESSIONAL}${NAMED} and i (?:both |all )?(?:think|agree|agreed|feel|felt|believe|decided|noticed|realised|realized|figured out)${LEAD_IN}${ABOUT_PARTNER}`,
      "gd",
    ),
    unless: "clause",
  },
  // Claiming the professional's support for one's own side, whatever follows.
  { pattern: new RegExp(`${PROFESSIONAL}${NAMED}${HEDGES}\\s+(?:${SIDES_WITH_ME})\\b(?!\\s+that\\s+(?:i|i'm|i've|my)\\b)`, "gd"), unless: "always" },
  // "Even my therapist agrees ..." summons the professional as a witness.
  {
    pattern: new RegExp(`\\beven (?:my|our) (?:own )?(?:${PROFESSIONS})\\b${HEDGES}\\s+(?:${VERDICT_VERBS}|${SIDES_WITH_ME}|can see|could see|knows|knew|gets it|got it|understands)\\b`, "gd"),
    unless: "clause",
  },
];

// ---------------------------------------------------------------------------------------------
// Accusing the partner.

const isPlainQuestion = (before: string, sentence: string) =>
  /\b(?:do|does|did|have|had|would|will|can|could|are|were|might)\s+$/.test(before) && !/^(?:why|how come)\b/.test(sentence);
const isWish = (before: string) => /\b(?:hope|hoping|wish|promise|make sure|so that)\b/.test(before);

const accusationRules: PatternRule[] = [
  {
    pattern: /\byou(?:'re|'ve| just| really| literally| honestly)?\s+(?:always|never|constantly|continually|forever|don't ever|never ever)\b/dg,
    unless: "clause",
    excusedBy: (before, sentence) => isPlainQuestion(before, sentence) || isWish(before),
  },
  { pattern: /\byou\s+keep\s+\w+ing\b/dg, unless: "clause", excusedBy: isPlainQuestion },
  { pattern: /\byou(?:'re)?\s+(?:make|makes|making|always make)\s+me\b/dg, unless: "clause", excusedBy: isPlainQuestion },
  {
    pattern: /\byou\s+made\s+me\s+(?:(?:so|really|feel|look|sound)\b|(?:cry|angry|furious|upset|miserable|anxious|sick|ill|crazy|hate|doubt)\b)/dg,
    unless: "clause",
  },
  {
    pattern: /\b(?:your fault|you're to blame|i blame you|because of you|the (?:real )?problem (?:is|was) (?:you|your)\b)/dg,
    unless: "sentence",
  },
  {
    pattern: new RegExp(
      `\\byou(?:'re|'ve been| have been| were| act| acted| sound)\\s+(?:(?:so|such|such a|really|just|being|always|very|incredibly|completely|totally|too)\\s+)*(?:${NEGATIVE_TRAITS})\\b`,
      "dg",
    ),
    unless: "always",
  },
  { pattern: /\byou(?:'re| were)\s+(?:the (?:reason|one who|cause))\b/dg, unless: "clause" },
  {
    pattern:
      /\byour (?:\w+ ){1,3}(?:is|was|are|were|has been|have been) (?:(?:so|really|just|completely|totally|absolutely|utterly|honestly)\s+)*(?:unacceptable|disgusting|toxic|abusive|the problem|a problem|out of line|selfish|cruel|childish|ridiculous|pathetic|unforgivable|inexcusable|wrong|appalling|hurtful|embarrassing|a joke)\b/dg,
    unless: "always",
  },
  {
    pattern:
      /\byou(?:'ve| have| need| needs| must| ought| should|'d better| had better)\s+(?:to\s+)?(?:really\s+|just\s+|seriously\s+|finally\s+)?(?:change|stop|fix yourself|grow up|get help|get your act together|work on yourself|learn to|learn how to|apologi[sz]e|be more|be less|take responsibility|admit|sort yourself out|be ashamed|know better|try harder|do better|man up|calm down)\b/dg,
    unless: "clause",
  },
  {
    pattern:
      /\byou(?: don't| didn't| won't| can't| refuse to)\s+(?:even\s+|ever\s+|really\s+|actually\s+|seem to\s+)?(?:care|listen|respect|appreciate|understand me|try|bother|help|support me|love me|think about me|notice|take me seriously|pull your weight)\b/dg,
    unless: "always",
  },
  { pattern: /\byou(?:'re)? only \w+ (?:about|for|of|in) yourself\b/dg, unless: "always" },
  { pattern: /\bwhat(?:'s| the hell is| on earth is)? (?:wrong with you|your problem)\b/dg, unless: "always" },
  { pattern: /\byou(?:'ve)?\s+(?:ruin|ruined|ruins|destroy|destroyed|wreck|wrecked|spoil|spoiled|spoilt)\b/dg, unless: "always" },
  {
    pattern:
      /\byou(?:'re)?\s+(?:gaslight|gaslighting|manipulate|manipulating|belittle|belittling|dismiss|dismissing|ignore|ignoring|criticise|criticize|criticising|criticizing|nag|nagging|blame|blaming|yell at|shout at|guilt[- ]trip|guilt[- ]tripping|stonewall|stonewalling|invalidate|invalidating)\s+me\b/dg,
    unless: "always",
  },
];

const DETECTORS: readonly Detector[] = [
  ruleDetector("therapist-as-authority", professionalRules),
  ruleDetector("accusation", accusationRules),
];

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

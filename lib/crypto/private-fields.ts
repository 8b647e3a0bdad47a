/**
 * The one list of what is encrypted at rest, and with whose key (decision 022). Every String
 * field of every model is either here, in PRIVATE_FIELDS, or in PLAIN_FIELDS with the reason it
 * must stay readable to the database; tests/unit/private-fields.test.ts fails on any other.
 *
 * A key owner names the data key that seals the field: the user or couple whose id is in
 * the `via` column of the same row, or the app's own key.
 */
export type KeyOwner = { owner: "USER"; via: string } | { owner: "COUPLE"; via: string } | { owner: "APP" };

const author: KeyOwner = { owner: "USER", via: "authorId" };
const couple: KeyOwner = { owner: "COUPLE", via: "coupleId" };
const app: KeyOwner = { owner: "APP" };

export const PRIVATE_FIELDS: Record<string, Record<string, KeyOwner>> = {
  // The name a person chose; their partner reads it, but it is theirs and goes with their key.
  User: { displayName: { owner: "USER", via: "id" } },
  Note: { title: author, body: author, workingOn: author },
  Summary: { privateLabel: author, title: author, body: author, whyText: author },
  // What a note or summary form held when it was last autosaved, as JSON.
  Draft: { fields: author },
  // The snapshot belongs to the couple it was shared into; the reflection and the history's
  // title are the author's own record.
  ShareConsent: { sharedTitle: couple, sharedBody: couple, sharedWhyText: couple, reflectionNote: author, historyTitle: author },
  PlanItem: { topicTitle: couple, topicDetail: couple },
  // The guided conversation: what the couple agreed and their own rules are the couple's; a
  // reflection is its author's alone.
  Conversation: { agreedLine: couple },
  ConversationItem: { topicTitle: couple },
  ConversationGuide: { steps: couple, groundRules: couple, proposedSteps: couple, proposedRules: couple },
  ConversationReflection: { body: author },
  // Mail is addressed to an address, not an account: the app's key.
  OutboxMessage: { subject: app, text: app, html: app },
  QueuedEmail: { subject: app, text: app, html: app },
  // The name typed at sign-up, kept until the emailed link makes the account: no user key yet.
  EmailToken: { displayName: app },
  // A working invite link: kept so the inviter can see and send it again; a copy of the
  // database without the keys yields no link that works.
  CoupleInvite: { token: { owner: "USER", via: "inviterId" } },
};

const ID = "a random identifier (UUID), used in lookups and joins";
const FOREIGN_KEY = "the id of another row, used in lookups and joins";
const DIGEST = "a SHA-256 digest, looked up for uniqueness; reveals nothing of what was written";

export const PLAIN_FIELDS: Record<string, Record<string, string>> = {
  User: {
    id: ID,
    email: "looked up at sign-in and must be unique",
    passwordHash: "an argon2id hash, not the password",
    outboxKeyHash: DIGEST,
    timeZone: "an IANA zone name from a fixed list; the reminder sweep names each recipient's time in it",
  },
  Note: { id: ID, authorId: FOREIGN_KEY, submissionKey: DIGEST },
  RateLimit: { key: "\"<kind>:<SHA-256 of the counted parts>\", looked up on every limited attempt" },
  UserSession: { id: ID, userId: FOREIGN_KEY, deviceLabel: "\"Chrome on Linux\": derived from the browser's User-Agent, nobody's words" },
  EmailToken: { id: ID, tokenHash: DIGEST, email: "the address a link was sent to, compared when the link is used", userId: FOREIGN_KEY },
  QueuedEmail: {
    id: ID,
    to: "the recipient's address, where the mail server must deliver it",
    senderId: FOREIGN_KEY,
    readerId: FOREIGN_KEY,
    readerKeyHash: DIGEST,
    claimedBy: "the id of the sending process",
    lastError: "the mail server's error, for the operator; no one's words",
  },
  Couple: { id: ID },
  CoupleMember: { userId: FOREIGN_KEY, coupleId: FOREIGN_KEY },
  CoupleInvite: {
    id: ID,
    inviterId: FOREIGN_KEY,
    tokenHash: "a SHA-256 hash of the invite token, looked up when a link is opened",
    email: "the address an invite was emailed to, compared with the accepting account's address",
  },
  // A notice holds a fixed kind and ids; names and links are read when it is shown.
  Notice: { id: ID, userId: FOREIGN_KEY, aboutUserId: FOREIGN_KEY, inviteId: FOREIGN_KEY },
  Summary: { id: ID, authorId: FOREIGN_KEY, noteId: FOREIGN_KEY, submissionKey: DIGEST },
  Draft: {
    id: ID,
    authorId: FOREIGN_KEY,
    target: "which of the author's forms it belongs to (\"note:new\", \"summary:<id>\"): a fixed word and an id, looked up for uniqueness",
  },
  ShareConsent: { id: ID, authorId: FOREIGN_KEY, summaryId: FOREIGN_KEY, coupleId: FOREIGN_KEY, activeSummaryId: "unique while shared: the database allows one active consent per summary" },
  PlanItem: { id: ID, coupleId: FOREIGN_KEY, addedById: FOREIGN_KEY, consentId: FOREIGN_KEY, submissionKey: DIGEST },
  Conversation: {
    id: ID,
    coupleId: FOREIGN_KEY,
    openCoupleId: "unique while open: the database allows one open conversation per couple",
    startedById: FOREIGN_KEY,
    position: "\"opening:<n>\" or \"item:<plan item id>\": a step number or an id, nobody's words",
    speakerId: FOREIGN_KEY,
    pausedById: FOREIGN_KEY,
  },
  ConversationItem: { id: ID, conversationId: FOREIGN_KEY, coupleId: FOREIGN_KEY, consentId: FOREIGN_KEY },
  ConversationGuide: { id: ID, coupleId: FOREIGN_KEY, proposedById: FOREIGN_KEY },
  ConversationReflection: { id: ID, authorId: FOREIGN_KEY, conversationId: FOREIGN_KEY },
  CheckInSchedule: {
    coupleId: FOREIGN_KEY,
    localTime: "\"HH:MM\" from a fixed list; the reminder sweep computes every couple's times from it",
    timeZone: "an IANA zone name from a fixed list; the reminder sweep computes every couple's times from it",
  },
  CheckInChange: { coupleId: FOREIGN_KEY, changedById: FOREIGN_KEY },
  ReminderPreference: { userId: FOREIGN_KEY },
  ReminderDelivery: {
    id: ID,
    userId: FOREIGN_KEY,
    coupleId: FOREIGN_KEY,
    claimedBy: "the id of the sending process",
    lastError: "the mail server's error, for the operator; no one's words",
  },
  OutboxMessage: {
    id: ID,
    to: "the recipient's address, looked up to show each person their own mail",
    readerId: FOREIGN_KEY,
    readerKeyHash: DIGEST,
  },
  DataKey: {
    id: ID,
    userId: FOREIGN_KEY,
    coupleId: FOREIGN_KEY,
    wrappedKey: "already encrypted, by the key-encryption key",
    kekId: "the public id of the key-encryption key, found by keys:rotate",
  },
};

/** The models whose rows own a data key, created with the row and destroyed with it. */
export const KEY_OWNING_MODELS = { User: "USER", Couple: "COUPLE" } as const;

/**
 * The people the end-to-end tests sign in as: accounts made before the server starts
 * (e2e/support/seed-people.ts), verified and with one password, several of each name so that
 * every test gets fresh ones (claimed once each, e2e/support/fixtures.ts). Signing up through
 * the forms is tested where it is the subject (email-and-password.spec.ts, the couple's
 * accessibility pass); elsewhere it only cost time (decision 031).
 */
export const PEOPLE = ["Alex", "Ana", "Ari", "Ben", "Cleo", "Dana", "Eli", "Exporter", "Kai", "Lee", "Mira", "Noa", "Noor", "Owner", "Robin", "Sam", "Theo"] as const;
export type PersonName = (typeof PEOPLE)[number];

/** More than any name is used in one run; a run that needs more fails with this number in its message. */
export const ACCOUNTS_PER_NAME = 32;
export const PEOPLE_PASSWORD = "a long enough passphrase";

export function pooledEmail(name: PersonName, index: number): string {
  return `${name.toLowerCase()}-${index}@people.e2e.example`;
}

/** Where claims are recorded, one folder per account (mkdir is atomic across worker processes); emptied with the database. */
export const CLAIMS_DIR = ".data/e2e-people-claims";

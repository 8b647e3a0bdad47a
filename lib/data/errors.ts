/**
 * A refusal the user should read: the message is shown as it is, and nothing was changed.
 * "not-found" covers both what does not exist and what is not the actor's to see.
 */
export class DomainError extends Error {
  constructor(
    readonly code: "not-found" | "conflict" | "invalid" | "rate-limited" | "cap-reached",
    message: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export function notFound(message: string): DomainError {
  return new DomainError("not-found", message);
}

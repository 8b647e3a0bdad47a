import { Prisma } from "@/lib/generated/prisma/client";

/** Whether the database aborted a transaction for a deadlock or a write conflict: retrying it is safe. */
export function isWriteConflict(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2034";
}

/** Whether an error is the database refusing a duplicate of a unique value. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

import { Prisma } from "@/lib/generated/prisma/client";

/** Whether an error is the database refusing a duplicate of a unique value. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

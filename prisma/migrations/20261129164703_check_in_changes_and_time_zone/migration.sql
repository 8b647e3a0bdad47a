-- CreateEnum
CREATE TYPE "CheckInChangeKind" AS ENUM ('SKIPPED', 'MOVED');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "timeZone" TEXT;

-- CreateTable
CREATE TABLE "CheckInChange" (
    "coupleId" TEXT NOT NULL,
    "occurrenceAt" TIMESTAMP(3) NOT NULL,
    "kind" "CheckInChangeKind" NOT NULL,
    "movedTo" TIMESTAMP(3),
    "changedById" TEXT,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CheckInChange_pkey" PRIMARY KEY ("coupleId","occurrenceAt")
);

-- AddForeignKey
ALTER TABLE "CheckInChange" ADD CONSTRAINT "CheckInChange_coupleId_fkey" FOREIGN KEY ("coupleId") REFERENCES "Couple"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckInChange" ADD CONSTRAINT "CheckInChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateEnum
CREATE TYPE "DataKeyOwner" AS ENUM ('USER', 'COUPLE', 'APP');

-- AlterTable (edited by hand: existing consents keep their title for the author's history;
-- `npm start` then encrypts it, and drops the snapshots of withdrawn consents, in place)
ALTER TABLE "ShareConsent" ADD COLUMN     "historyTitle" TEXT,
ALTER COLUMN "sharedTitle" DROP NOT NULL;
UPDATE "ShareConsent" SET "historyTitle" = "sharedTitle";
ALTER TABLE "ShareConsent" ALTER COLUMN "historyTitle" SET NOT NULL;

-- CreateTable
CREATE TABLE "DataKey" (
    "id" TEXT NOT NULL,
    "owner" "DataKeyOwner" NOT NULL,
    "userId" TEXT,
    "coupleId" TEXT,
    "wrappedKey" TEXT NOT NULL,
    "kekId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DataKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DataKey_userId_key" ON "DataKey"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "DataKey_coupleId_key" ON "DataKey"("coupleId");

-- CreateIndex
CREATE INDEX "DataKey_kekId_idx" ON "DataKey"("kekId");

-- AddForeignKey
ALTER TABLE "DataKey" ADD CONSTRAINT "DataKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataKey" ADD CONSTRAINT "DataKey_coupleId_fkey" FOREIGN KEY ("coupleId") REFERENCES "Couple"("id") ON DELETE CASCADE ON UPDATE CASCADE;

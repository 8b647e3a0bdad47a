-- CreateEnum
CREATE TYPE "NoticeKind" AS ENUM ('PARTNER_LINKED', 'PARTNER_LEFT', 'INVITE_WAITING');

-- AlterTable
ALTER TABLE "CoupleInvite" ADD COLUMN     "token" TEXT;

-- CreateTable
CREATE TABLE "Notice" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "NoticeKind" NOT NULL,
    "aboutUserId" TEXT,
    "inviteId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dismissedAt" TIMESTAMP(3),

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notice_userId_dismissedAt_idx" ON "Notice"("userId", "dismissedAt");

-- CreateIndex
CREATE INDEX "Notice_aboutUserId_idx" ON "Notice"("aboutUserId");

-- CreateIndex
CREATE INDEX "Notice_inviteId_idx" ON "Notice"("inviteId");

-- CreateIndex
CREATE UNIQUE INDEX "Notice_userId_inviteId_key" ON "Notice"("userId", "inviteId");

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_aboutUserId_fkey" FOREIGN KEY ("aboutUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_inviteId_fkey" FOREIGN KEY ("inviteId") REFERENCES "CoupleInvite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateEnum
CREATE TYPE "SummaryDepth" AS ENUM ('HEADLINE', 'BRIEF', 'IN_DEPTH');

-- CreateEnum
CREATE TYPE "SummaryFraming" AS ENUM ('CONTENT_ONLY', 'THERAPY_WORK');

-- CreateEnum
CREATE TYPE "ShareReason" AS ENUM ('BROACH_A_TOPIC', 'PROCESS_A_BREAKTHROUGH', 'FEEL_CLOSER', 'DISCLOSE_A_CONDITION');

-- CreateEnum
CREATE TYPE "ResponseWish" AS ENUM ('JUST_LISTEN', 'YOUR_VIEW', 'THINK_IT_THROUGH');

-- CreateEnum
CREATE TYPE "WithdrawalCause" AS ENUM ('AUTHOR_UNSHARED', 'RESHARED', 'SUMMARY_DELETED', 'COUPLE_ENDED');

-- CreateEnum
CREATE TYPE "CheckInCadence" AS ENUM ('WEEKLY', 'FORTNIGHTLY');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SKIPPED');

-- CreateTable
CREATE TABLE "Couple" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),
    "conversationAt" TIMESTAMP(3),

    CONSTRAINT "Couple_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CoupleMember" (
    "userId" TEXT NOT NULL,
    "coupleId" TEXT NOT NULL,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CoupleMember_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "CoupleInvite" (
    "id" TEXT NOT NULL,
    "inviterId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "CoupleInvite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Summary" (
    "id" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "noteId" TEXT,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "depth" "SummaryDepth" NOT NULL,
    "framing" "SummaryFraming" NOT NULL,
    "whyReasons" "ShareReason"[],
    "whyText" TEXT,
    "responseWish" "ResponseWish",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Summary_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShareConsent" (
    "id" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "summaryId" TEXT,
    "coupleId" TEXT NOT NULL,
    "activeSummaryId" TEXT,
    "grantedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" TIMESTAMP(3),
    "withdrawalCause" "WithdrawalCause",
    "sharedTitle" TEXT NOT NULL,
    "sharedBody" TEXT,
    "sharedDepth" "SummaryDepth" NOT NULL,
    "sharedFraming" "SummaryFraming" NOT NULL,
    "sharedWhyReasons" "ShareReason"[],
    "sharedWhyText" TEXT,
    "sharedResponseWish" "ResponseWish",
    "reflectedOwnChoice" BOOLEAN NOT NULL,
    "reflectedAboutMe" BOOLEAN NOT NULL,
    "reflectionNote" TEXT,
    "toneSuggestionShown" BOOLEAN NOT NULL DEFAULT false,
    "acknowledgedAt" TIMESTAMP(3),

    CONSTRAINT "ShareConsent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanItem" (
    "id" TEXT NOT NULL,
    "coupleId" TEXT NOT NULL,
    "addedById" TEXT NOT NULL,
    "consentId" TEXT,
    "topicTitle" TEXT,
    "topicDetail" TEXT,
    "position" INTEGER NOT NULL,
    "discussedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckInSchedule" (
    "coupleId" TEXT NOT NULL,
    "cadence" "CheckInCadence" NOT NULL,
    "weekday" INTEGER NOT NULL,
    "localTime" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CheckInSchedule_pkey" PRIMARY KEY ("coupleId")
);

-- CreateTable
CREATE TABLE "ReminderPreference" (
    "userId" TEXT NOT NULL,
    "emailEnabled" BOOLEAN NOT NULL DEFAULT false,
    "leadMinutes" INTEGER[],
    "unsubscribedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReminderPreference_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "ReminderDelivery" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "coupleId" TEXT NOT NULL,
    "occurrenceAt" TIMESTAMP(3) NOT NULL,
    "leadMinutes" INTEGER NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "claimedBy" TEXT,
    "claimedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "headers" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CoupleMember_coupleId_idx" ON "CoupleMember"("coupleId");

-- CreateIndex
CREATE UNIQUE INDEX "CoupleInvite_tokenHash_key" ON "CoupleInvite"("tokenHash");

-- CreateIndex
CREATE INDEX "CoupleInvite_inviterId_idx" ON "CoupleInvite"("inviterId");

-- CreateIndex
CREATE INDEX "Summary_authorId_updatedAt_idx" ON "Summary"("authorId", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ShareConsent_activeSummaryId_key" ON "ShareConsent"("activeSummaryId");

-- CreateIndex
CREATE INDEX "ShareConsent_coupleId_withdrawnAt_idx" ON "ShareConsent"("coupleId", "withdrawnAt");

-- CreateIndex
CREATE INDEX "ShareConsent_authorId_grantedAt_idx" ON "ShareConsent"("authorId", "grantedAt");

-- CreateIndex
CREATE UNIQUE INDEX "PlanItem_consentId_key" ON "PlanItem"("consentId");

-- CreateIndex
CREATE INDEX "PlanItem_coupleId_position_idx" ON "PlanItem"("coupleId", "position");

-- CreateIndex
CREATE INDEX "ReminderDelivery_status_nextAttemptAt_idx" ON "ReminderDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReminderDelivery_userId_occurrenceAt_leadMinutes_key" ON "ReminderDelivery"("userId", "occurrenceAt", "leadMinutes");

-- AddForeignKey
ALTER TABLE "CoupleMember" ADD CONSTRAINT "CoupleMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoupleMember" ADD CONSTRAINT "CoupleMember_coupleId_fkey" FOREIGN KEY ("coupleId") REFERENCES "Couple"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoupleInvite" ADD CONSTRAINT "CoupleInvite_inviterId_fkey" FOREIGN KEY ("inviterId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Summary" ADD CONSTRAINT "Summary_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Summary" ADD CONSTRAINT "Summary_noteId_fkey" FOREIGN KEY ("noteId") REFERENCES "Note"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShareConsent" ADD CONSTRAINT "ShareConsent_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShareConsent" ADD CONSTRAINT "ShareConsent_summaryId_fkey" FOREIGN KEY ("summaryId") REFERENCES "Summary"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShareConsent" ADD CONSTRAINT "ShareConsent_coupleId_fkey" FOREIGN KEY ("coupleId") REFERENCES "Couple"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanItem" ADD CONSTRAINT "PlanItem_coupleId_fkey" FOREIGN KEY ("coupleId") REFERENCES "Couple"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanItem" ADD CONSTRAINT "PlanItem_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanItem" ADD CONSTRAINT "PlanItem_consentId_fkey" FOREIGN KEY ("consentId") REFERENCES "ShareConsent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CheckInSchedule" ADD CONSTRAINT "CheckInSchedule_coupleId_fkey" FOREIGN KEY ("coupleId") REFERENCES "Couple"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderPreference" ADD CONSTRAINT "ReminderPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderDelivery" ADD CONSTRAINT "ReminderDelivery_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderDelivery" ADD CONSTRAINT "ReminderDelivery_coupleId_fkey" FOREIGN KEY ("coupleId") REFERENCES "Couple"("id") ON DELETE CASCADE ON UPDATE CASCADE;

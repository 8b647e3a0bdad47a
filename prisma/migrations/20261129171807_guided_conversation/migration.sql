-- CreateTable
CREATE TABLE "Conversation" (
    "id" TEXT NOT NULL,
    "coupleId" TEXT NOT NULL,
    "openCoupleId" TEXT,
    "startedById" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "position" TEXT NOT NULL,
    "speakerId" TEXT NOT NULL,
    "pauseUntil" TIMESTAMP(3),
    "pausedById" TEXT,
    "closedAt" TIMESTAMP(3),
    "agreedLine" TEXT,

    CONSTRAINT "Conversation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConversationItem" (
    "id" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "coupleId" TEXT NOT NULL,
    "consentId" TEXT,
    "topicTitle" TEXT,
    "discussedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConversationItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConversationGuide" (
    "id" TEXT NOT NULL,
    "coupleId" TEXT NOT NULL,
    "steps" TEXT,
    "groundRules" TEXT,
    "proposedSteps" TEXT,
    "proposedRules" TEXT,
    "proposedById" TEXT,
    "proposedAt" TIMESTAMP(3),
    "agreedAt" TIMESTAMP(3),

    CONSTRAINT "ConversationGuide_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConversationReflection" (
    "id" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "conversationId" TEXT,
    "body" TEXT NOT NULL,
    "forNextSession" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConversationReflection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Conversation_openCoupleId_key" ON "Conversation"("openCoupleId");

-- CreateIndex
CREATE INDEX "Conversation_coupleId_closedAt_idx" ON "Conversation"("coupleId", "closedAt");

-- CreateIndex
CREATE INDEX "ConversationItem_conversationId_idx" ON "ConversationItem"("conversationId");

-- CreateIndex
CREATE INDEX "ConversationItem_consentId_idx" ON "ConversationItem"("consentId");

-- CreateIndex
CREATE UNIQUE INDEX "ConversationGuide_coupleId_key" ON "ConversationGuide"("coupleId");

-- CreateIndex
CREATE INDEX "ConversationReflection_authorId_createdAt_idx" ON "ConversationReflection"("authorId", "createdAt");

-- AddForeignKey
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_coupleId_fkey" FOREIGN KEY ("coupleId") REFERENCES "Couple"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationItem" ADD CONSTRAINT "ConversationItem_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationItem" ADD CONSTRAINT "ConversationItem_consentId_fkey" FOREIGN KEY ("consentId") REFERENCES "ShareConsent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationGuide" ADD CONSTRAINT "ConversationGuide_coupleId_fkey" FOREIGN KEY ("coupleId") REFERENCES "Couple"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationReflection" ADD CONSTRAINT "ConversationReflection_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationReflection" ADD CONSTRAINT "ConversationReflection_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

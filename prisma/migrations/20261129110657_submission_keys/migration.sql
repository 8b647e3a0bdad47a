-- AlterTable
ALTER TABLE "Note" ADD COLUMN     "submissionKey" TEXT;

-- AlterTable
ALTER TABLE "PlanItem" ADD COLUMN     "submissionKey" TEXT;

-- AlterTable
ALTER TABLE "Summary" ADD COLUMN     "submissionKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Note_authorId_submissionKey_key" ON "Note"("authorId", "submissionKey");

-- CreateIndex
CREATE UNIQUE INDEX "PlanItem_addedById_submissionKey_key" ON "PlanItem"("addedById", "submissionKey");

-- CreateIndex
CREATE UNIQUE INDEX "Summary_authorId_submissionKey_key" ON "Summary"("authorId", "submissionKey");

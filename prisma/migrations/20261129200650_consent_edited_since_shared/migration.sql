-- AlterTable
ALTER TABLE "ShareConsent" ADD COLUMN     "editedSinceShared" BOOLEAN;

-- AlterTable
ALTER TABLE "Summary" ADD COLUMN     "privateLabel" TEXT;

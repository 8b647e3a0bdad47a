-- CreateEnum
CREATE TYPE "TherapyRole" AS ENUM ('ME', 'PARTNER', 'BOTH');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "therapyRole" "TherapyRole";

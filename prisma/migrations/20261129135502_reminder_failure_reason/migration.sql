-- CreateEnum
CREATE TYPE "DeliveryFailure" AS ENUM ('REFUSED', 'GAVE_UP', 'TOO_LATE');

-- AlterTable
ALTER TABLE "ReminderDelivery" ADD COLUMN     "failure" "DeliveryFailure";

-- Reminders that failed before reasons were recorded were given up on after their retries.
UPDATE "ReminderDelivery" SET "failure" = 'GAVE_UP' WHERE "status" = 'FAILED';

-- CreateEnum
CREATE TYPE "ShareIntent" AS ENUM ('JUST_SO_YOU_KNOW', 'LETS_TALK');

-- CreateEnum
CREATE TYPE "TalkRequest" AS ENUM ('ASKED', 'ACCEPTED', 'DECLINED');

-- CreateEnum
CREATE TYPE "PartnerReply" AS ENUM ('THANK_YOU', 'GLAD_YOU_SHARED', 'HERE_WHEN_READY');

-- AlterTable
ALTER TABLE "ShareConsent"
ADD COLUMN     "repliedAt" TIMESTAMP(3),
ADD COLUMN     "reply" "PartnerReply",
ADD COLUMN     "sharedIntent" "ShareIntent" NOT NULL DEFAULT 'JUST_SO_YOU_KNOW',
ADD COLUMN     "talkAnsweredAt" TIMESTAMP(3),
ADD COLUMN     "talkRequest" "TalkRequest",
ADD COLUMN     "talkRequestedAt" TIMESTAMP(3);

-- Existing consents (decision 035): an item on the plan was meant to be talked about, the rest
-- were shared just so the partner knows (the default above). An acknowledgement becomes the
-- plainest of the warm replies, at the time it was given.
UPDATE "ShareConsent" SET "sharedIntent" = 'LETS_TALK'
WHERE EXISTS (SELECT 1 FROM "PlanItem" WHERE "PlanItem"."consentId" = "ShareConsent"."id");

UPDATE "ShareConsent" SET "reply" = 'THANK_YOU', "repliedAt" = "acknowledgedAt"
WHERE "acknowledgedAt" IS NOT NULL;

ALTER TABLE "ShareConsent" DROP COLUMN "acknowledgedAt";

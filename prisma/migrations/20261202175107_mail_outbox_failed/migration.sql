-- AlterTable
ALTER TABLE "mail_outbox" ADD COLUMN     "failedAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "mail_outbox_failedAt_idx" ON "mail_outbox"("failedAt");

-- Mails the previous worker gave up on (10 attempts) were left unsent without a trace: keep them
-- as failed, visible to operators, rather than sending old mails again.
UPDATE "mail_outbox" SET "failedAt" = now() WHERE "sentAt" IS NULL AND "attempts" >= 10;

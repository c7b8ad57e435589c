/*
  Warnings:

  - You are about to drop the `rate_limits` table. If the table is not empty, all the data it contains will be lost.

*/
-- DropTable
DROP TABLE "rate_limits";

-- CreateTable
CREATE TABLE "abuse_limits" (
    "key" TEXT NOT NULL,
    "hits" INTEGER NOT NULL DEFAULT 0,
    "resetAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "abuse_limits_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "abuse_limits_resetAt_idx" ON "abuse_limits"("resetAt");

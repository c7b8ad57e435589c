-- AlterTable
ALTER TABLE "projects" ADD COLUMN     "clientUserDeletionEnabled" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "account_deletions" (
    "id" BIGSERIAL NOT NULL,
    "userId" UUID NOT NULL,
    "userNumber" INTEGER NOT NULL,
    "projectId" TEXT NOT NULL,
    "actorType" TEXT NOT NULL,
    "door" TEXT NOT NULL,
    "requestId" TEXT,
    "proof" TEXT NOT NULL,
    "accountCreatedAt" TIMESTAMPTZ(3) NOT NULL,
    "deletedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "account_deletions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "account_deletions_userId_idx" ON "account_deletions"("userId");

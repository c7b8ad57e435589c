-- AlterTable
ALTER TABLE "sessions" ADD COLUMN     "webSecretHash" TEXT;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "totpLastUsedStep" INTEGER;

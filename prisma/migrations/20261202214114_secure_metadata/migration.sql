-- AlterTable
ALTER TABLE "users" ADD COLUMN     "secureMetadata" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "audit_events" ADD COLUMN     "details" JSONB NOT NULL DEFAULT '{}';

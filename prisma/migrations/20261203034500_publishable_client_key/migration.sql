-- AlterTable
ALTER TABLE "projects" ADD COLUMN     "publishableClientKey" TEXT;

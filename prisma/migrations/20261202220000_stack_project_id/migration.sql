-- AlterTable
ALTER TABLE "projects" ADD COLUMN     "stackProjectId" UUID NOT NULL DEFAULT gen_random_uuid();

-- Existing projects answer to the UUID the app derives from their id (packages/api/src/auth/stack-project-id.ts):
-- the id itself when it is a lowercase v4 UUID, else sha256('profilehub:stack-project-id:' || id), version 4, variant 8.
UPDATE "projects" SET "stackProjectId" = CASE
  WHEN "id" ~ '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$' THEN "id"::uuid
  ELSE overlay(overlay(substr(encode(sha256(convert_to('profilehub:stack-project-id:' || "id", 'UTF8')), 'hex'), 1, 32)
    placing '4' from 13) placing '8' from 17)::uuid
END;

-- CreateIndex
CREATE UNIQUE INDEX "projects_stackProjectId_key" ON "projects"("stackProjectId");

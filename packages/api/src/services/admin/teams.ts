import type { Database } from "@profilehub/db";
import { DEFAULT_PROJECT_ID } from "@profilehub/validators";

import { stackProjectIdOf } from "../../auth/stack-project-id";
import { appError } from "../../errors";

export async function createTeam(db: Database, input: { projectId?: string | undefined; displayName: string }) {
  const projectId = input.projectId ?? DEFAULT_PROJECT_ID;
  await db.project.upsert({
    where: { id: projectId },
    create: { id: projectId, name: projectId, stackProjectId: stackProjectIdOf(projectId) },
    update: {},
  });
  return db.team.create({
    data: { projectId, displayName: input.displayName },
    select: { id: true, displayName: true, projectId: true },
  });
}

/** Adds a user to a team of the same project (idempotent). */
export async function addTeamMember(db: Database, input: { teamId: string; userId: string }) {
  const [team, user] = await Promise.all([
    db.team.findUnique({ where: { id: input.teamId }, select: { projectId: true } }),
    db.user.findUnique({ where: { id: input.userId }, select: { projectId: true } }),
  ]);
  if (!team) throw appError("team_not_found");
  if (!user || user.projectId !== team.projectId) throw appError("user_not_found", { of: "team_project" });
  await db.teamMember.upsert({
    where: { teamId_userId: { teamId: input.teamId, userId: input.userId } },
    create: { teamId: input.teamId, userId: input.userId },
    update: {},
  });
  return { teamId: input.teamId, userId: input.userId };
}

import { appError } from "@profilehub/api";
import { projectIdSchema } from "@profilehub/validators";
import { z } from "zod";
import type { ProjectUserParams } from "./contract";

const uuidSchema = z.uuid();

/**
 * The user the path names. `:userId` is the user's id (a UUID): a malformed id or project id
 * names no user, so it is answered like an unknown one (404 `user/not-found`).
 */
export function pathTarget(params: ProjectUserParams): { userId: string; projectId: string } {
  const { userId, projectId } = params;
  if (!uuidSchema.safeParse(userId).success || !projectIdSchema.safeParse(projectId).success) {
    throw appError("user_not_found", "User not found");
  }
  return { userId, projectId };
}

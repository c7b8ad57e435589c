import {
  outboxListInputSchema,
  outboxListSchema,
  projectSchema,
  projectUpsertInputSchema,
  suspensionCreateInputSchema,
  suspensionSchema,
  teamCreateInputSchema,
  teamMemberAddInputSchema,
  teamSchema,
} from "@profilehub/validators";
import { z } from "zod";

import { listOutbox } from "../../services/admin/outbox";
import { upsertProject } from "../../services/admin/projects";
import { createSuspension } from "../../services/admin/suspensions";
import { addTeamMember, createTeam } from "../../services/admin/teams";
import { router, serverProcedure } from "../../trpc";

/** Server-key operations (`/api/admin/*`): projects and webhooks, suspensions, teams, the mail outbox. */
export const adminRouter = router({
  upsertProject: serverProcedure
    .input(projectUpsertInputSchema)
    .output(projectSchema)
    .mutation(({ ctx, input }) => upsertProject(ctx.services.db, ctx.services.secretBox, input)),
  createSuspension: serverProcedure
    .input(suspensionCreateInputSchema)
    .output(suspensionSchema)
    .mutation(({ ctx, input }) => createSuspension(ctx.services.db, input)),
  createTeam: serverProcedure
    .input(teamCreateInputSchema)
    .output(teamSchema)
    .mutation(({ ctx, input }) => createTeam(ctx.services.db, input)),
  addTeamMember: serverProcedure
    .input(teamMemberAddInputSchema)
    .output(z.object({ teamId: z.uuid(), userId: z.uuid() }))
    .mutation(({ ctx, input }) => addTeamMember(ctx.services.db, input)),
  listOutbox: serverProcedure
    .input(outboxListInputSchema)
    .output(outboxListSchema)
    .query(({ ctx, input }) => listOutbox(ctx.services.db, input)),
});

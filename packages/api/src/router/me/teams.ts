import { z } from "zod";

import { teamsOf } from "../../services/users/teams";
import { authedProcedure } from "../../trpc";

const teamSchema = z.object({ id: z.uuid(), displayName: z.string(), createdAt: z.string() });

/** The teams the caller belongs to (the ones `selectedTeamId` may name). */
export const meTeamsProcedure = authedProcedure
  .output(z.array(teamSchema))
  .query(({ ctx }) => teamsOf(ctx.services.db, ctx.session.userId));

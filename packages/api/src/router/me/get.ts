import { userViewOutput } from "@profilehub/validators";

import { readUser } from "../../services/users/read-user";
import { tokenProcedure } from "../../trpc";

/** The caller's own account (session checked in the same query). */
export const meGetProcedure = tokenProcedure.output(userViewOutput).query(({ ctx }) =>
  readUser(ctx.services.db, {
    target: { id: ctx.session.userId },
    projectId: ctx.session.projectId,
    session: ctx.session,
    serverAccess: ctx.serverAccess,
  }),
);

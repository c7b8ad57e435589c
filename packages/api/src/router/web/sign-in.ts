import { DEFAULT_PROJECT_ID, passwordGrantSchema, publicUserSchema } from "@profilehub/validators";

import { appError } from "../../errors";
import { passwordSignIn } from "../../services/auth/password-sign-in";
import { readAuthenticatedUser } from "../../services/users/read-user";
import { publicProcedure } from "../../trpc";
import { setSessionCookie } from "./set-session-cookie";

/** Signs a browser in: the session goes into an httpOnly cookie, the page only gets the user. */
export const webSignInProcedure = publicProcedure
  .input(passwordGrantSchema.omit({ grant_type: true }))
  .output(publicUserSchema)
  .mutation(async ({ ctx, input }) => {
    if (!ctx.sessionCookie) throw appError("forbidden", { action: "browser_session" });
    const session = await passwordSignIn(ctx.services.db, ctx.services.secretBox, {
      email: input.email,
      password: input.password,
      totp: input.totp,
      projectId: input.projectId ?? DEFAULT_PROJECT_ID,
      client: ctx.client,
      limits: ctx.services.config.abuseLimits,
      recoveryCode: input.recoveryCode,
      door: ctx.door,
      requestId: ctx.requestId,
      mail: ctx.services.mail,
      web: true,
    });
    setSessionCookie(ctx, session.sessionId, session.webSecret);
    return readAuthenticatedUser(ctx.services.db, session.userId);
  });

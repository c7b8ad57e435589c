import { DEFAULT_PROJECT_ID, publicUserSchema, signupInputSchema } from "@profilehub/validators";

import { appError } from "../../errors";
import { signUp } from "../../services/auth/sign-up";
import { publicProcedure } from "../../trpc";
import { setSessionCookie } from "./set-session-cookie";

/** Creates the account and signs the browser in (httpOnly cookie). */
export const webSignUpProcedure = publicProcedure
  .input(signupInputSchema)
  .output(publicUserSchema)
  .mutation(async ({ ctx, input }) => {
    if (!ctx.sessionCookie) throw appError("forbidden", { action: "browser_session" });
    const created = await signUp(ctx.services.db, ctx.services.config.appUrl, {
      email: input.email,
      password: input.password,
      projectId: input.projectId ?? DEFAULT_PROJECT_ID,
      client: ctx.client,
      limit: ctx.services.config.abuseLimits.signUpPerIp,
      requestId: ctx.requestId,
      door: ctx.door,
      web: true,
    });
    ctx.services.mail.notify();
    setSessionCookie(ctx, created.sessionId, created.webSecret);
    const { serverMetadata: _hidden, secureMetadata: _secure, ...user } = created.user;
    return user;
  });

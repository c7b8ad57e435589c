import { adminRouter } from "./router/admin";
import { authRouter } from "./router/auth";
import { mailboxListProcedure } from "./router/mailbox";
import { meRouter } from "./router/me";
import { sessionsRouter } from "./router/sessions";
import { stackRouter } from "./router/stack";
import { usersRouter } from "./router/users";
import { webRouter } from "./router/web";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  auth: authRouter,
  me: meRouter,
  users: usersRouter,
  sessions: sessionsRouter,
  web: webRouter,
  mailbox: router({ list: mailboxListProcedure }),
  admin: adminRouter,
  stack: stackRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side calls (tests, REST doors): `createCaller(createContextInner(services, {door}))`. */
export const createCaller = createCallerFactory(appRouter);

import { unstorableInputIssues } from "@profilehub/validators";
import { initTRPC } from "@trpc/server";

import { isStackProjectId, namesProject, stackProjectIdOf } from "./auth/stack-project-id";
import type { CallerSession, Context } from "./context";
import { appError, describeError, validationError } from "./errors";
import { withDatabaseUnavailable } from "./services/database/unavailable";
import { checkPublishableKey } from "./services/projects/publishable-key";
import { isSessionLive } from "./services/sessions/is-session-live";

/** The only `initTRPC` of the project. */
const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const described = describeError(error);
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    return {
      ...shape,
      // Internal errors never expose their message (it may name tables, hosts or SQL).
      message: internal ? "Internal server error" : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        /** Why the call failed: a stable code (see `REASONS` in @profilehub/validators). */
        reason: described.reason ?? (internal ? "internal" : null),
        /** The reason's params (e.g. `retryAfterSeconds`). */
        params: described.params,
        /** Every input problem: `{path, code, params, message}`. */
        issues: described.issues,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Every procedure: input no column can hold (a NUL, a lone surrogate, absurd nesting) is refused
 * before any schema or query sees it (`invalid_characters`, `too_deeply_nested`: the door's 400),
 * and database trouble anywhere below is the `unavailable` reason (503), never a 500.
 * `admit` runs after those checks, before the procedure (a procedure's own credential checks).
 */
async function guarded<R extends { ok: true } | { ok: false; error: { cause?: unknown } }>(
  ctx: Context,
  getRawInput: () => Promise<unknown>,
  proceed: () => Promise<R>,
  admit?: (ctx: Context) => void,
): Promise<R> {
  const issues = unstorableInputIssues(await getRawInput());
  if (issues.length > 0) throw validationError(issues);
  const keyCheck = checkProjectKey(ctx);
  if (keyCheck) await keyCheck;
  admit?.(ctx);
  const result = await proceed();
  if (!result.ok) {
    const mapped = withDatabaseUnavailable(result.error.cause);
    if (mapped !== result.error.cause) throw mapped;
  }
  return result;
}

// `next()` without `ctx`: tRPC copies the whole context (every key) for any `ctx` passed on.
export const publicProcedure = t.procedure.use(({ ctx, getRawInput, next }) => guarded(ctx, getRawInput, () => next()));

/**
 * A Stack Auth client request's publishable key, checked first (as Stack's backend does), inside
 * the database-trouble mapping below. Other doors present none: `null`, nothing to wait for (no
 * promise made on every other request).
 */
function checkProjectKey(ctx: Context): Promise<void> | null {
  if (ctx.publishableClientKey === undefined || ctx.requestedProjectId === null) return null;
  return checkPublishableKey(ctx.services.db, ctx.requestedProjectId, ctx.publishableClientKey).catch(
    (error: unknown) => {
      throw withDatabaseUnavailable(error);
    },
  );
}

/**
 * Who the request says it is, checked in this order: a presented server key must be right, an
 * access token must be valid, and it must be for the project the request names (if it names one).
 */
function refuseBadCredentials(ctx: Context): void {
  if (ctx.serverKeyRejected) throw appError("server_key_invalid");
  if (ctx.tokenFailure === "expired") throw appError("token_expired");
  if (ctx.tokenFailure === "invalid") throw appError("token_invalid");
  const session = ctx.session;
  const named = ctx.requestedProjectId;
  if (session && named !== null && !namesProject(named, session.projectId)) {
    // Named by its Stack UUID: the token's project is reported the same way.
    const actual = isStackProjectId(named) ? stackProjectIdOf(session.projectId) : session.projectId;
    throw appError("project_mismatch", { expected: named, actual });
  }
}

/** The session proven by the access token, or the matching authentication error. */
function requireSession(ctx: Context): CallerSession {
  refuseBadCredentials(ctx);
  if (ctx.session) return ctx.session;
  throw appError("token_missing");
}

/**
 * Requires a valid access token (signature and expiry). The session's liveness is NOT checked
 * here: procedures built on this check it in their own SQL (one round trip on hot paths).
 * `publicProcedure`'s checks and this one in ONE middleware: tRPC copies its call options twice
 * per middleware (`_objectSpread2`, key by key), and `me.update` is the hot path.
 */
export const tokenProcedure = t.procedure.use(({ ctx, getRawInput, next }) =>
  // Narrows `ctx.session` to non-null for the procedures below (it is: `requireSession` threw
  // otherwise) without passing a new context on, which tRPC would copy key by key.
  guarded(ctx, getRawInput, () => next<{ session: CallerSession }>({}), requireSession),
);

/** Requires a valid access token whose session is live (one query). */
export const authedProcedure = tokenProcedure.use(async ({ ctx, next }) => {
  if (!(await isSessionLive(ctx.services.db, ctx.session))) throw appError("session_revoked");
  return next();
});

/**
 * A signed-in user (token; liveness checked by the procedure's SQL) or server access (which needs
 * no token: one that does not verify is ignored).
 */
export const callerProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.serverKeyRejected) throw appError("server_key_invalid");
  if (!ctx.serverAccess) requireSession(ctx);
  return next();
});

/** Requires the server key. */
export const serverProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.serverAccess) throw appError("server_key_invalid");
  return next();
});

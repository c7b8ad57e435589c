import type { Context } from "../context";
import { doorPolicy } from "../doors";
import type { UserRef } from "../services/users/update-statement";
import type { UpdateUserDeps, UpdateUserRequest } from "../services/users/update-user";

/** The service dependencies of `updateUser`, taken from the context. */
export function updateUserDeps(ctx: Context): UpdateUserDeps {
  return {
    db: ctx.db,
    secretBox: ctx.secretBox,
    mail: ctx.mail,
    appUrl: ctx.config.appUrl,
    webhookTimeoutMs: ctx.config.webhookTimeoutMs,
    currentPasswordLimit: ctx.config.abuseLimits.currentPasswordPerAccount,
  };
}

/** An update request on behalf of the caller, with the calling door's policy. */
export function updateUserRequest(
  ctx: Context,
  target: UserRef,
  projectId: string | null,
  input: unknown,
): UpdateUserRequest {
  return {
    target,
    projectId,
    session: ctx.session,
    serverAccess: ctx.serverAccess,
    door: ctx.door,
    requestId: ctx.requestId,
    client: ctx.client,
    policy: doorPolicy(ctx.door, { emailChangeConfirmation: ctx.config.emailChangeConfirmation }),
    input,
    requestProblems: ctx.requestProblems,
  };
}

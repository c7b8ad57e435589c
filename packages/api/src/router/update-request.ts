import type { Context } from "../context";
import { doorPolicy } from "../doors";
import type { UserRef } from "../services/users/update-statement";
import type { UpdateUserDeps, UpdateUserRequest } from "../services/users/update-user";

/** The service dependencies of `updateUser`, taken from the context. */
export function updateUserDeps(ctx: Context): UpdateUserDeps {
  return {
    db: ctx.services.db,
    secretBox: ctx.services.secretBox,
    mail: ctx.services.mail,
    appUrl: ctx.services.config.appUrl,
    webhookTimeoutMs: ctx.services.config.webhookTimeoutMs,
    currentPasswordLimit: ctx.services.config.abuseLimits.currentPasswordPerAccount,
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
    policy: doorPolicy(ctx.door, { emailChangeConfirmation: ctx.services.config.emailChangeConfirmation }),
    input,
    requestProblems: ctx.requestProblems,
    view: ctx.viewFields,
  };
}

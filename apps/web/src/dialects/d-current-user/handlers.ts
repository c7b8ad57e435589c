import { defineRoute, type RouteArgs } from "@/server/http/define-route";
import { errorInfo } from "@/server/http/error-info";
import { asObject } from "../shared/fields";
import { currentUserFields } from "./contract";
import { currentUserDoor } from "./door";
import { toStackError, type ErrorSubject } from "./errors";
import { KnownErrors, stackErrorResponse } from "./known-errors";
import { normalizeBody, offendingKeys } from "./request";
import { currentUserResponse } from "./response";
import { authenticate } from "./stack-auth";

/** A router failure, with what the request named (team, email) for Stack's error details. */
function failed(error: unknown, { request, ctx }: RouteArgs<unknown>, subject: ErrorSubject): Response {
  return stackErrorResponse(toStackError(errorInfo(error, ctx.requestId), request, subject));
}

/** `GET /api/v1/users/me`: the signed-in user (with `server_metadata` for server access). */
export const getCurrentUser = defineRoute(currentUserDoor, async (args) => {
  const auth = authenticate(args.request, args.ctx);
  if (!auth.ok) return stackErrorResponse(auth.error);
  try {
    return currentUserResponse(await args.caller.me.get(), auth.caller.accessType === "server");
  } catch (error) {
    return failed(error, args, { userId: auth.caller.userId });
  }
});

/**
 * `PATCH /api/v1/users/me`: client access writes the client fields, server access every documented
 * field; metadata is replaced; password and password_hash sign out every session.
 */
export const updateCurrentUser = defineRoute(currentUserDoor, async (args) => {
  const { request, ctx, caller, body } = args;
  const auth = authenticate(request, ctx);
  if (!auth.ok) return stackErrorResponse(auth.error);
  const object = body === undefined ? {} : asObject(body);
  if (!object) return stackErrorResponse(KnownErrors.schemaError(request, ["body must be a JSON object"]));
  const offending = offendingKeys(object, auth.caller.accessType);
  if (offending.length > 0) {
    const problem = `body contains unknown properties: ${offending.join(", ")}`;
    return stackErrorResponse(KnownErrors.schemaError(request, [problem]));
  }
  const { changes } = currentUserFields.toCanonical(normalizeBody(object));
  try {
    return currentUserResponse(await caller.me.update(changes), auth.caller.accessType === "server");
  } catch (error) {
    return failed(error, args, {
      userId: auth.caller.userId,
      teamId: object.selected_team_id,
      email: object.primary_email,
    });
  }
});

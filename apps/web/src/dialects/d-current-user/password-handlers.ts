import { defineRoute } from "@/server/http/define-route";

import { asObject } from "../shared/fields";
import { currentUserDoor } from "./door";
import { stackFailure } from "./errors";
import { stackErrorResponse } from "./known-errors";
import { stackAccessType } from "./stack-auth";

/** Stack's names of the password change's inputs, for SCHEMA_ERROR lines. */
const UPDATE_NAMES = { password: "new_password", currentPassword: "old_password" };
const SET_NAMES = { password: "password", currentPassword: "password" };

/** Stack's `bodyType: "success"`. */
export const stackSuccess = () => Response.json({ success: true });

/**
 * `POST /api/v1/auth/password/update` `{old_password, new_password}` (the SDK's `updatePassword`):
 * `stack.changePassword` — the old password proven, the new one checked, the other sessions signed
 * out. A wrong old password is PASSWORD_CONFIRMATION_MISMATCH.
 */
export const passwordUpdate = defineRoute(currentUserDoor, async ({ request, caller, ctx, body }) => {
  const access = stackAccessType(request);
  if (!access.ok) return stackErrorResponse(access.error, request);
  const object = asObject(body) ?? {};
  try {
    // An absent old password is a missing one (null), never "set without one".
    await caller.stack.changePassword({ oldPassword: object.old_password ?? null, newPassword: object.new_password });
    return stackSuccess();
  } catch (error) {
    return stackFailure(error, request, ctx.requestId, { names: UPDATE_NAMES });
  }
});

/**
 * `POST /api/v1/auth/password/set` `{password}` (the SDK's `setPassword`): the same change without
 * an old password, which only an account without a password may make (else Stack's 400).
 */
export const passwordSet = defineRoute(currentUserDoor, async ({ request, caller, ctx, body }) => {
  const access = stackAccessType(request);
  if (!access.ok) return stackErrorResponse(access.error, request);
  const object = asObject(body) ?? {};
  try {
    await caller.stack.changePassword({ newPassword: object.password });
    return stackSuccess();
  } catch (error) {
    return stackFailure(error, request, ctx.requestId, { names: SET_NAMES });
  }
});

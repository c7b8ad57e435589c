import type { DOOR_VIEW_FIELDS } from "@profilehub/api";
import type { NarrowedUserView } from "@profilehub/validators";

/** What the door renders from: its view fields (`DOOR_VIEW_FIELDS`). */
type AuthUserView = NarrowedUserView<(typeof DOOR_VIEW_FIELDS)["dialect-a"]>;

/** The user as documented: no more, no less (`phone` is not stored: always null). */
export function toAuthUser(user: AuthUserView) {
  return {
    id: user.id,
    email: user.email,
    emailConfirmedAt: user.emailVerifiedAt,
    phone: null,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
    userMetadata: user.userMetadata,
    appMetadata: user.appMetadata,
  };
}

export function authUserResponse(user: AuthUserView): Response {
  return Response.json({ data: toAuthUser(user), success: true, errno: 0, error: null });
}

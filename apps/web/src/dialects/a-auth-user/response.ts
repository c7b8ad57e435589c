import { type NarrowedUserView, userViewFields } from "@profilehub/validators";

/** The view fields the document's user is made of. */
export const AUTH_USER_VIEW = userViewFields(
  "id",
  "email",
  "emailVerifiedAt",
  "createdAt",
  "updatedAt",
  "userMetadata",
  "appMetadata",
);
type AuthUserView = NarrowedUserView<typeof AUTH_USER_VIEW>;

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

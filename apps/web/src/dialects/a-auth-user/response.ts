import type { UserView } from "@profilehub/validators";

/** The user as documented: no more, no less (`phone` is not stored: always null). */
export function toAuthUser(user: UserView) {
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

export function authUserResponse(user: UserView): Response {
  return Response.json({ data: toAuthUser(user), success: true, errno: 0, error: null });
}

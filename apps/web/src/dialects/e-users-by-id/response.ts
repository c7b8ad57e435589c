import type { DOOR_VIEW_FIELDS } from "@profilehub/api";
import type { NarrowedUserView } from "@profilehub/validators";

/** What the door renders from: its view fields (`DOOR_VIEW_FIELDS`). */
type UsersByIdView = NarrowedUserView<(typeof DOOR_VIEW_FIELDS)["dialect-e"]>;

/** `2024-01-15T10:30:00Z`: UTC, seconds precision, as documented. */
const timestamp = (value: string) => new Date(value).toISOString().replace(/\.\d{3}Z$/, "Z");

/** The user as documented: no more, no less (`id` is the user's number). */
export function toUsersByIdUser(user: UsersByIdView) {
  return {
    id: user.number,
    email: user.email,
    first_name: user.firstName,
    last_name: user.lastName,
    roles: user.roles,
    feature_flags: user.featureFlags,
    notifications: user.notifications,
    status: user.status,
    locale: user.locale,
    created_at: timestamp(user.createdAt),
  };
}

export function usersByIdResponse(message: string, user: UsersByIdView): Response {
  return Response.json({ status: "success", message, data: toUsersByIdUser(user) });
}

import type { DOOR_VIEW_FIELDS } from "@profilehub/api";
import type { NarrowedUserView } from "@profilehub/validators";

/** What the door renders from: its view fields (`DOOR_VIEW_FIELDS`). */
type ProjectUserView = NarrowedUserView<(typeof DOOR_VIEW_FIELDS)["dialect-b"]>;

/**
 * The user as documented, field by field (never spread): server metadata (`secureMetadata`) is
 * never part of it, whoever asks.
 */
export function toProjectUser(user: ProjectUserView) {
  return {
    id: user.id,
    username: user.username,
    name: user.displayName,
    avatar: user.avatarUrl,
    bio: user.bio,
    birthdate: user.birthdate === null ? null : `${user.birthdate}T00:00:00.000Z`,
    location:
      user.location === null
        ? null
        : { type: "Point" as const, coordinates: [user.location.longitude, user.location.latitude] },
    metadata: user.userMetadata,
    suspensions: user.suspensions.map((suspension) => ({
      id: suspension.id,
      userId: user.id,
      reason: suspension.reason,
      startDate: suspension.startsAt,
      endDate: suspension.endsAt,
    })),
  };
}

export function projectUserResponse(user: ProjectUserView): Response {
  return Response.json(toProjectUser(user));
}

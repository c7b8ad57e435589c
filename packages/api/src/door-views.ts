import { userViewFields } from "@profilehub/validators";

/**
 * The user view fields each REST door's document renders from an update (its `response.ts` reads
 * these only, typed `NarrowedUserView`): a door's updates build only them (a narrowed view, see
 * ARCHITECTURE.md). Narrowing only removes fields; what the caller may see is the router's rule.
 */
export const DOOR_VIEW_FIELDS = {
  "dialect-a": userViewFields(
    "id",
    "email",
    "emailVerifiedAt",
    "createdAt",
    "updatedAt",
    "userMetadata",
    "appMetadata",
  ),
  "dialect-b": userViewFields(
    "id",
    "username",
    "displayName",
    "avatarUrl",
    "bio",
    "birthdate",
    "location",
    "userMetadata",
    "suspensions",
  ),
  "dialect-c": userViewFields("number", "email", "firstName", "lastName", "bio"),
  /** Stack Auth's user; `serverMetadata` is only there with server access. */
  "dialect-d": userViewFields(
    "id",
    "email",
    "emailVerified",
    "emailAuthEnabled",
    "displayName",
    "selectedTeam",
    "selectedTeamId",
    "avatarUrl",
    "createdAt",
    "lastActiveAt",
    "userMetadata",
    "appMetadata",
    "hasPassword",
    "totpEnabled",
    "serverMetadata",
  ),
  "dialect-e": userViewFields(
    "number",
    "email",
    "firstName",
    "lastName",
    "roles",
    "featureFlags",
    "notifications",
    "status",
    "locale",
    "createdAt",
  ),
} as const;

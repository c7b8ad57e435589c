import type { UpdateInputKey } from "@profilehub/validators";

/**
 * Doors: the ways into the router. The calling door is part of the context (set by the server,
 * never by the client) and selects its documented policy: every rule a door's document states
 * lives here and is enforced by the router, so a dialect only translates.
 */
export const DOORS = [
  "trpc", // native typed API, /api/trpc
  "web", // the settings UI (cookie session)
  "auth", // /api/auth/*
  "admin", // /api/admin/* (server key)
  "dialect-a", // PUT /api/v3/auth/user
  "dialect-b", // PATCH /:projectId/users/:userId
  "dialect-c", // PUT /api/user/update
  "dialect-d", // PATCH /api/v1/users/me
  "dialect-e", // PUT /users/{id}
] as const;
export type Door = (typeof DOORS)[number];

export interface DoorPolicy {
  /** Minimum length of a new password. */
  passwordMinLength: number;
  /** `pending`: the old address stays until the mailed link is clicked; `immediate`: applied now, unverified. */
  emailChange: "pending" | "immediate";
  /** Which sessions a password change revokes. */
  passwordChangeRevokes: "others" | "all";
  /** Whether a password change must prove the current password. */
  requireCurrentPassword: boolean;
  /** Server-only inputs users may write through this door anyway. */
  userWritableServerInputs: readonly UpdateInputKey[];
  /** Without server access, the only inputs this door lets a user write (`undefined`: every user input). */
  userInputs?: readonly UpdateInputKey[];
  /** Inputs every update through this door must carry, non-blank. */
  requiredInputs: readonly UpdateInputKey[];
  /** First and last names are letters only. */
  lettersOnlyNames: boolean;
  /**
   * Deleting one's own account: `reauthenticate` (typed confirmation, current password and/or
   * TOTP code) or `project_setting` (Stack Auth: no proof, refused unless the project turned on
   * `clientUserDeletionEnabled`). Server access needs neither.
   */
  accountDeletion: "reauthenticate" | "project_setting";
}

/** A door policy that cannot change: itself and its lists frozen (the update's validator then caches by identity). */
function frozenPolicy(policy: DoorPolicy): DoorPolicy {
  return Object.freeze({
    ...policy,
    userWritableServerInputs: Object.freeze([...policy.userWritableServerInputs]),
    ...(policy.userInputs && { userInputs: Object.freeze([...policy.userInputs]) }),
    requiredInputs: Object.freeze([...policy.requiredInputs]),
  });
}

const NATIVE: DoorPolicy = {
  passwordMinLength: 8,
  emailChange: "pending",
  passwordChangeRevokes: "others",
  requireCurrentPassword: true,
  userWritableServerInputs: [],
  requiredInputs: [],
  lettersOnlyNames: false,
  accountDeletion: "reauthenticate",
};

const DOOR_POLICIES: Record<Door, DoorPolicy> = {
  trpc: NATIVE,
  web: NATIVE,
  auth: NATIVE,
  admin: { ...NATIVE, requireCurrentPassword: false, emailChange: "immediate" },
  // Seed 000: "password (min 6 characters)", applied without the current one.
  "dialect-a": { ...NATIVE, passwordMinLength: 6, requireCurrentPassword: false },
  // "secureMetadata is accepted but never returned": its own user-writable field (DESIGN §3),
  // never the server-only `serverMetadata`.
  "dialect-b": { ...NATIVE, requireCurrentPassword: false, emailChange: "immediate" },
  // Seed 002: name, surname and email are required; names are alphabetic characters only.
  "dialect-c": {
    ...NATIVE,
    requireCurrentPassword: false,
    emailChange: "immediate",
    requiredInputs: ["firstName", "lastName", "email"],
    lettersOnlyNames: true,
  },
  // Seed 003 (Stack Auth): client access writes Stack's client update schema (its SDK's
  // `primary_email` included: applied at once, unverified); password changes sign every session out.
  "dialect-d": {
    ...NATIVE,
    requireCurrentPassword: false,
    emailChange: "immediate",
    passwordChangeRevokes: "all",
    // Stack's client `DELETE /users/me` carries no password: gated by the project (as Stack's
    // `client_user_deletion_enabled`, off by default).
    accountDeletion: "project_setting",
    userInputs: ["displayName", "avatarUrl", "userMetadata", "selectedTeamId", "totpSecretBase64", "email"],
  },
  "dialect-e": { ...NATIVE, requireCurrentPassword: false, emailChange: "immediate" },
};

const POLICIES = Object.fromEntries(DOORS.map((door) => [door, frozenPolicy(DOOR_POLICIES[door])])) as Readonly<
  Record<Door, DoorPolicy>
>;
/** Dialect A without EMAIL_CHANGE_CONFIRMATION: new addresses apply at once. */
const DIALECT_A_IMMEDIATE = frozenPolicy({ ...POLICIES["dialect-a"], emailChange: "immediate" });

/** The policy of a door (frozen); dialect A's email mode follows EMAIL_CHANGE_CONFIRMATION. */
export function doorPolicy(door: Door, options: { emailChangeConfirmation: boolean }): DoorPolicy {
  if (door === "dialect-a" && !options.emailChangeConfirmation) return DIALECT_A_IMMEDIATE;
  return POLICIES[door];
}

/**
 * Stack Auth's own password change on its door (`POST /api/v1/auth/password/update` and `/set`):
 * the old password is proven (guesses limited per account) when the account has one, and the other
 * sessions are signed out (Stack keeps the calling one).
 */
export const STACK_PASSWORD_CHANGE_POLICY: DoorPolicy = frozenPolicy({
  ...POLICIES["dialect-d"],
  requireCurrentPassword: true,
  passwordChangeRevokes: "others",
  userInputs: ["password"],
});
